package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private final RecordCodec codec = RecordCodec.standard();

    private static String minimal() {
        return new String(Golden.json("minimal"), StandardCharsets.UTF_8);
    }

    private String codeOf(byte[] doc) {
        return assertThrows(RecordFormatException.class, () -> codec.read(doc)).code();
    }

    @Test
    void readsTheMinimalRecord() {
        EvaluationRecord r = codec.read(Golden.json("minimal"));
        assertEquals("EleutherAI/pythia-160m", r.model().id());
        assertEquals(0.4376, r.results().get(0).metrics().get(0).value());
        assertEquals(Relationship.FIRST_PARTY, r.producer().relationship());
    }

    @Test
    void rejectsEachStrictParsingFailureWithItsOwnCode() {
        String doc = minimal();
        assertEquals("EL-PARSE-BOM", codeOf(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Docs.utf8(doc))));
        // a Latin-1 "é" (0xE9) alone is not UTF-8
        assertEquals("EL-PARSE-UTF8", codeOf(latin1(doc.replace("EleutherAI\",", "Eleuther\u00e9AI\","))));
        assertEquals("EL-PARSE-DUPLICATE-KEY", codeOf(Docs.utf8(doc.replace("\"model\": {", "\"model\": {\"id\": \"x\","))));
        assertEquals("EL-PARSE-NON-FINITE", codeOf(Docs.utf8(doc.replace("0.4376", "NaN"))));
        assertEquals("EL-PARSE-TRAILING", codeOf(Docs.utf8(doc + "{}")));
        assertEquals("EL-PARSE-LONE-SURROGATE", codeOf(Docs.utf8(doc.replace("pythia-160m", "pythia\\ud800-160m"))));
        assertEquals("EL-PARSE-NUMBER-RANGE", codeOf(Docs.utf8(doc.replace("0.4376", "1e400"))));
        assertEquals("EL-PARSE-SYNTAX", codeOf(Docs.utf8(doc.replace("\"acc\",", "\"acc\""))));
        assertEquals("EL-PARSE-TOO-DEEP", codeOf(Docs.utf8("[".repeat(100_000))));
    }

    @Test
    void appliesTheConfiguredSizeLimits() {
        RecordCodec small = RecordCodec.withLimits(new ParseLimits(100, 1 << 20));
        assertEquals("EL-PARSE-TOO-LARGE",
                assertThrows(RecordFormatException.class, () -> small.read(Golden.json("minimal"))).code());
        RecordCodec shortStrings = RecordCodec.withLimits(new ParseLimits(1 << 20, 10));
        assertEquals("EL-PARSE-STRING-TOO-LONG",
                assertThrows(RecordFormatException.class, () -> shortStrings.read(Golden.json("minimal"))).code());
    }

    @Test
    void rejectsATwentyMebibyteDocumentAtTheDefaultLimitWithoutReadingIt() {
        byte[] huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        assertEquals("EL-PARSE-TOO-LARGE", codeOf(huge));
        assertEquals("EL-PARSE-TOO-LARGE", RecordValidator.standard().validate(huge).issues().get(0).code());
    }

    @Test
    void rejectsTenThousandLevelsOfNestingWithoutStackOverflow() {
        assertEquals("EL-PARSE-TOO-DEEP", codeOf(Docs.utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
    }

    @Test
    void schemaFailuresCarryEveryIssue() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> codec.read(Docs.edited("minimal", r -> {
                    r.remove("recordId");
                    r.remove("createdAt");
                })));
        assertEquals("EL-SCHEMA-REQUIRED", e.code());
        assertEquals(2, e.issues().size());
        assertTrue(e.getMessage().startsWith("EL-SCHEMA-REQUIRED at /"), e.getMessage());
    }

    @Test
    void readsARecordThatBreaksOnlySemanticRules() {
        // a value outside its range is still a readable record: validation reports it
        EvaluationRecord r = codec.read(Docs.edited("minimal", t -> Docs.at(t, "/results/0/metrics/0").put("value", 4.5)));
        assertEquals(4.5, r.results().get(0).metrics().get(0).value());
    }

    @Test
    void acceptsIntegersWrittenWithAFractionAndWritesThemWithout() {
        EvaluationRecord r = codec.read(Docs.utf8(minimal().replace("\"id\": \"acc\",", "\"id\": \"acc\", \"n\": 100.0,")));
        assertEquals(100L, r.results().get(0).metrics().get(0).n());
        assertTrue(new String(codec.canonical(r), StandardCharsets.UTF_8).contains("\"n\":100,"));
    }

    @Test
    void keepsTimestampTextSoTheDigestDoesNotChange() {
        byte[] doc = Docs.edited("minimal", r -> r.put("createdAt", "2026-06-13T09:30:00.50Z"));
        EvaluationRecord r = codec.read(doc);
        assertEquals("2026-06-13T09:30:00.50Z", r.createdAt().text());
        assertArrayEquals(CanonicalJson.canonicalize(doc), codec.canonical(r));
    }

    @Test
    void digestDoesNotDependOnKeyOrderOrWhitespace() {
        byte[] reordered = Docs.utf8("{\"results\":[{\"metrics\":[{\"higherIsBetter\":true,\"value\":0.4376,\"id\":\"acc\"}],"
                + "\"task\":{\"benchmark\":\"arc_easy\"}}],\n\n  \"producer\":{\"sourceType\":\"evaluation_run\",\"relationship\":"
                + "\"first_party\",\"name\":\"EleutherAI\"},\"model\":{\"id\":\"EleutherAI/pythia-160m\"},"
                + "\"createdAt\":\"2026-06-13T09:30:00Z\",\"recordId\":\"01JZ8Q3M5V7K9N2B4C6D8F0G1H\","
                + "\"schema\":\"https://evalledger.org/schemas/record/v1\"}");
        assertEquals(codec.digest(codec.read(Golden.json("minimal"))), codec.digest(codec.read(reordered)));
    }

    @Test
    void aRecordBuiltInCodeWritesAndReadsBack() {
        EvaluationRecord r = EvaluationRecord.builder()
                .recordId("lab:run-0001")
                .createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.builder("org/model").parameters(7_000_000_000L).build())
                .producer(Producer.of("lab", Relationship.THIRD_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.builder("gsm8k").fewShot(5).filter("strict-match").build(),
                        List.of(Metric.builder("exact_match", 0.57, true).stderr(new Metric.Stderr(0.0136, null)).build())))
                .build();
        byte[] written = codec.write(r);
        assertEquals(r, codec.read(written));
        assertTrue(RecordValidator.standard().validate(written).valid());
    }

    @Test
    void messagesOfParseFailuresGiveThePosition() {
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> codec.read(Docs.utf8("{\n  \"a\": tru\n}")));
        assertEquals("EL-PARSE-SYNTAX", e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
