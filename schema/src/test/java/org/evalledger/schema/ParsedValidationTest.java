package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.evalledger.core.JsonValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validating a document already parsed into core values gives exactly what validating its
 * canonical bytes gives: the same issues in the same order, the same record, the same digest.
 */
class ParsedValidationTest {
    private static final RecordValidator V = RecordValidator.standard()
            .withClock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    private static void assertSameAsCanonicalBytes(byte[] document) {
        JsonValue value = StrictJson.parse(document, ParseLimits.DEFAULT);
        ValidationReport fromValue = V.validate(value);
        ValidationReport fromBytes = V.validate(StrictJson.canonical(value));
        String what = new String(document, StandardCharsets.UTF_8);
        assertEquals(fromBytes.issues(), fromValue.issues(), what);
        assertEquals(fromBytes.record(), fromValue.record(), what);
        assertEquals(fromBytes.digest(), fromValue.digest(), what);

        // read with StrictJson.read: as given, as its canonical bytes, and as a member of a canonical object
        byte[] canonical = StrictJson.canonical(value);
        String wrapped = "{\"a\":\"\u00e9\u20ac\ud83d\ude00\",\"predicate\":" + new String(canonical, StandardCharsets.UTF_8) + ",\"z\":[]}";
        StrictJson.Document asGiven = StrictJson.read(document, ParseLimits.DEFAULT);
        StrictJson.Document asCanonical = StrictJson.read(canonical, ParseLimits.DEFAULT);
        StrictJson.Document outer = StrictJson.read(wrapped.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
        assertEquals(Arrays.equals(document, canonical), asGiven.canonical(), what);
        assertTrue(asCanonical.canonical(), what);
        assertTrue(outer.canonical(), what);
        StrictJson.Document member = outer.member("predicate").orElseThrow();
        assertEquals(StrictJson.parse(canonical, ParseLimits.DEFAULT), member.value()); // -0 reads back as 0
        assertEquals(CanonicalJson.digestOf(canonical), member.canonicalDigest(), "the member's bytes are cut out exactly");
        for (StrictJson.Document read : List.of(asGiven, asCanonical, member)) {
            ValidationReport fromRead = V.validate(read);
            assertEquals(fromBytes.issues(), fromRead.issues(), what);
            assertEquals(fromBytes.record(), fromRead.record(), what);
            assertEquals(fromBytes.digest(), fromRead.digest(), what);
        }
    }

    @Test
    void onlyACanonicalRootObjectHasMemberDocuments() {
        byte[] spaced = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        assertTrue(StrictJson.read(spaced, ParseLimits.DEFAULT).member("a").isEmpty(), "not canonical");
        StrictJson.Document doc = StrictJson.read("{\"a\":{\"b\":2}}".getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
        assertTrue(doc.member("b").isEmpty(), "no such member");
        assertTrue(doc.member("a").orElseThrow().member("b").isEmpty(), "only the root object's members are located");
        assertTrue(StrictJson.read("[1]".getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT).member("a").isEmpty());
        assertEquals(null, StrictJson.read(spaced, ParseLimits.DEFAULT).canonicalDigest());
    }

    @Test
    void everyGoldenDocumentValidatesAlikeFromItsValueAndFromItsCanonicalBytes() {
        for (String name : Golden.NAMES) {
            assertSameAsCanonicalBytes(Golden.json(name));
        }
    }

    @Test
    void invalidDocumentsReportTheSameIssuesEitherWay() {
        List<Consumer<ObjectNode>> edits = new ArrayList<>(List.of(
                r -> r.remove("schema"),
                r -> r.remove("producer"),
                r -> Docs.at(r, "/model").put("revison", "abc"),
                r -> Docs.at(r, "/model").put("parameters", -5),
                r -> Docs.at(r, "/model").put("parameters", 7.5),
                r -> Docs.at(r, "/results/0/metrics/0").put("value", "high"),
                r -> Docs.at(r, "/results/0/metrics/0").put("n", 0),
                r -> r.put("createdAt", "2026-02-30T00:00:00Z"),
                r -> r.put("createdAt", "2999-01-01T00:00:00Z"),
                r -> r.putArray("results")));
        for (Consumer<ObjectNode> edit : edits) {
            byte[] doc = Docs.edited("full", edit);
            assertSameAsCanonicalBytes(doc);
        }
    }

    @Test
    void numbersAtTheEdgesOfTheReadersIntegerRangeValidateAlike() {
        // the reader keeps integer literals of up to 19 digits exact and reads larger ones as doubles
        for (double parameters : new double[] {7e9, 0x1p53, 0x1p53 + 2, 0x1p62, 0x1p63, 0x1p64, 1e19, 1e21, 1e22, -0.0, 2.0}) {
            assertSameAsCanonicalBytes(Docs.edited("full", r -> Docs.at(r, "/model").put("parameters", parameters)));
            assertSameAsCanonicalBytes(Docs.edited("full", r -> Docs.at(r, "/results/0/metrics/0").put("n", parameters)));
        }
    }
}
