package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.EnvelopeException;

/**
 * The audit's byte scan ({@link Uploads#scan}) never decides an upload differently from the parser
 * ({@link Uploads#kind}): what it calls a record is one; what it calls an envelope either is one or
 * fails the strict envelope parse, after which the audit asks the parser.
 */
class UploadScanTest {
    /** Names as written in JSON: plain ones, and ones with escapes that only a parser reads as the envelope's. */
    private static final List<String> PLAIN_NAMES = List.of("payloadType", "signatures", "payload", "schema", "extensions",
            "payloadTyp", "signatures ", "");
    private static final List<String> NAMES = List.of("payloadType", "signatures", "payload", "schema", "extensions",
            "payloadTyp", "", "payload\\u0054ype", "signature\\u0073", "\\\"signatures", "sig\\\"natures");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 3000)
    void aRecordByTheScanIsARecordByTheParser(@ForAll("uploads") byte[] upload) {
        Uploads.Scan scan = Uploads.scan(upload);
        Uploads.Kind kind = Uploads.kind(upload);
        if (scan == Uploads.Scan.RECORD) {
            assertEquals(Uploads.Kind.record, kind, () -> new String(upload, StandardCharsets.UTF_8));
        }
        if (scan == Uploads.Scan.ENVELOPE && kind == Uploads.Kind.record) {
            assertThrows(EnvelopeException.class, () -> Envelope.parse(upload), () -> new String(upload, StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 1000)
    void aWellFormedDocumentWithPlainNamesIsDecidedByTheScanAlone(@ForAll("wellFormed") String json) {
        Uploads.Kind kind = Uploads.kind(utf8(json));
        assertEquals(kind == Uploads.Kind.envelope ? Uploads.Scan.ENVELOPE : Uploads.Scan.RECORD, Uploads.scan(utf8(json)), json);
    }

    @Example
    void theExamplesOfKindAreScannedAlike() {
        assertEquals(Uploads.Scan.ENVELOPE, Uploads.scan(utf8("{\"payloadType\":\"x\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"AA==\"}]}")));
        assertEquals(Uploads.Scan.ENVELOPE, Uploads.scan(utf8(" \n{\"signatures\":[], \"payloadType\":1}\n")));
        assertEquals(Uploads.Scan.RECORD, Uploads.scan(utf8("{\"extensions\":{\"payloadType\":\"x\",\"signatures\":[]}}")));
        assertEquals(Uploads.Scan.RECORD, Uploads.scan(utf8("[{\"payloadType\":\"x\",\"signatures\":[]}]")));
        assertEquals(Uploads.Scan.RECORD, Uploads.scan(utf8("{\"schema\":\"a \\\"payloadType\\\" b\",\"signatures\":[]}")));
        assertEquals(Uploads.Scan.UNSURE, Uploads.scan(utf8("{\"payloadType\":\"x\",\"signatures\":[")));
        assertEquals(Uploads.Scan.UNSURE, Uploads.scan(utf8("{\"payloadType\":\"x\",\"signatures\":[]} {}")));
        assertEquals(Uploads.Scan.UNSURE, Uploads.scan(utf8("{\"payload\\u0054ype\":\"x\",\"signatures\":[]}")));
    }

    @Example
    void anEnvelopeShapeWithBrokenNestedValuesFailsTheStrictParse() {
        byte[] broken = utf8("{\"payloadType\":\"x\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":tru}]}");
        assertEquals(Uploads.Scan.ENVELOPE, Uploads.scan(broken));
        assertEquals(Uploads.Kind.record, Uploads.kind(broken));
        assertThrows(EnvelopeException.class, () -> Envelope.parse(broken));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return object(3, PLAIN_NAMES);
    }

    /** Well-formed documents, then one byte deleted, replaced or inserted (often breaking them). */
    @Provide
    Arbitrary<byte[]> uploads() {
        Arbitrary<String> doc = Arbitraries.oneOf(object(3, NAMES), value(3));
        Arbitrary<byte[]> plain = doc.map(UploadScanTest::utf8);
        Arbitrary<byte[]> mutated = Combinators.combine(doc, Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(0, 1, 2), Arbitraries.of('{', '}', '[', ']', '"', '\\', ',', ':', ' ', 'x', '1'))
                .as((d, at, op, c) -> {
                    StringBuilder sb = new StringBuilder(d);
                    int i = sb.length() == 0 ? 0 : at % sb.length();
                    switch (op) {
                        case 0 -> {
                            if (sb.length() > 0) {
                                sb.deleteCharAt(i);
                            }
                        }
                        case 1 -> {
                            if (sb.length() > 0) {
                                sb.setCharAt(i, c);
                            }
                        }
                        default -> sb.insert(i, c);
                    }
                    return utf8(sb.toString());
                });
        return Arbitraries.oneOf(plain, mutated);
    }

    private static Arbitrary<String> ws() {
        return Arbitraries.of("", "", " ", "\n", "\t ", "\r\n");
    }

    private static Arbitrary<String> object(int depth, List<String> names) {
        Arbitrary<String> member = Combinators.combine(ws(), Arbitraries.of(names), ws(), ws(), value(depth - 1))
                .as((w1, name, w2, w3, v) -> w1 + "\"" + name + "\"" + w2 + ":" + w3 + v);
        return Combinators.combine(member.list().ofMaxSize(5), ws())
                .as((ms, w) -> "{" + String.join(",", ms) + w + "}");
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("1", "-0.5e3", "true", "false", "null", "\"\"", "\"a,b}]\"", "\"q\\\"}\"", "\"\\\\\"",
                        "\"\\u00e9 é\"", "\"{[\""));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = Combinators.combine(Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4), ws())
                .as((vs, w) -> "[" + w + String.join(", ", vs) + "]");
        return Arbitraries.oneOf(scalar, array, Arbitraries.lazy(() -> object(depth - 1, NAMES)));
    }

    /** The byte-by-byte search that {@link Uploads#stringEnd} does eight bytes at a time. */
    private static int stringEndByteByByte(byte[] b, int i) {
        while (i < b.length) {
            if (b[i] == '"') {
                return i;
            }
            i += b[i] == '\\' ? 2 : 1;
        }
        return -1;
    }

    @Property(tries = 3000)
    void theEndOfAStringIsFoundAsByteByByte(@ForAll("stringBytes") byte[] b, @ForAll @IntRange(min = 0, max = 80) int from) {
        int start = Math.min(from, b.length);
        assertEquals(stringEndByteByByte(b, start), Uploads.stringEnd(b, start), () -> new String(b, StandardCharsets.ISO_8859_1) + " from " + start);
    }

    /** Up to 80 bytes, mostly plain (high bytes too), with quotes and backslashes anywhere, at word boundaries or not. */
    @Provide
    Arbitrary<byte[]> stringBytes() {
        Arbitrary<Byte> plain = Arbitraries.bytes().filter(x -> x != '"' && x != '\\');
        Arbitrary<Byte> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, plain), net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) '"')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) '\\')));
        return any.array(byte[].class).ofMaxSize(80);
    }

    @Example
    void aQuoteOrBackslashInEveryPositionOfAWordIsFound() {
        for (int len = 0; len <= 24; len++) {
            for (int at = 0; at < len; at++) {
                for (byte special : new byte[] {'"', '\\'}) {
                    byte[] b = new byte[len];
                    java.util.Arrays.fill(b, (byte) 'A');
                    b[at] = special;
                    if (at + 2 < len) {
                        b[len - 1] = '"';
                    }
                    assertEquals(stringEndByteByByte(b, 0), Uploads.stringEnd(b, 0), "length " + len + ", " + (char) special + " at " + at);
                }
            }
        }
    }
}
