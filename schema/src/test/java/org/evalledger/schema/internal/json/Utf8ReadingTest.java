package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.evalledger.core.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The reader works on the UTF-8 bytes themselves: it judges malformed UTF-8 exactly as Java's
 * strict decoder does, reads every character of every length as that decoder decodes it, counts
 * string limits and error columns in UTF-16 chars and error offsets in bytes, as when it read
 * decoded chars.
 */
class Utf8ReadingTest {
    private static final int MB = 1 << 20;

    /** The oracle: where Java's strict UTF-8 decoder finds the first malformed sequence; -1 when none. */
    private static int javaDecoderError(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        return r.isError() ? in.position() : -1;
    }

    @Property(tries = 5000)
    void findsTheFirstMalformedByteWhereJavasDecoderDoesInArbitraryBytes(@ForAll @Size(max = 40) byte[] bytes) {
        assertEquals(javaDecoderError(bytes), StrictJsonReader.malformedUtf8(bytes));
    }

    /** Well-formed UTF-8 of random code points at every boundary of every length, then one byte changed, dropped or added. */
    @Property(tries = 5000)
    void findsTheFirstMalformedByteWhereJavasDecoderDoesInNearlyWellFormedText(@ForAll long seed) {
        Random random = new Random(seed);
        int[] edges = {0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0xFEFF, 0x2028};
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            int cp = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(0x110000);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 'x';
            }
            sb.appendCodePoint(cp);
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, StrictJsonReader.malformedUtf8(good));
        byte[] bad;
        int at = good.length == 0 ? 0 : random.nextInt(good.length);
        switch (random.nextInt(3)) {
            case 0 -> {
                bad = good.clone();
                if (bad.length == 0) {
                    bad = new byte[] {(byte) 0x80};
                } else {
                    bad[at] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                bad = new byte[Math.max(0, good.length - 1)];
                if (good.length > 0) {
                    System.arraycopy(good, 0, bad, 0, at);
                    System.arraycopy(good, at + 1, bad, at, good.length - at - 1);
                }
            }
            default -> {
                bad = new byte[good.length + 1];
                System.arraycopy(good, 0, bad, 0, at);
                bad[at] = (byte) (0x80 + random.nextInt(128));
                System.arraycopy(good, at, bad, at + 1, good.length - at);
            }
        }
        assertEquals(javaDecoderError(bad), StrictJsonReader.malformedUtf8(bad));
    }

    @Test
    void namesEachKindOfMalformedSequenceAtItsFirstByte() {
        byte[][] cases = {
            {'a', (byte) 0xC0, (byte) 0xAF}, // overlong '/'
            {'a', (byte) 0xC1, (byte) 0xBF}, // overlong
            {'a', (byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, // overlong three bytes
            {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {'a', (byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, // overlong four bytes
            {'a', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {'a', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // no such lead byte
            {'a', (byte) 0x80}, // a continuation byte where a character starts
            {'a', (byte) 0xE2, (byte) 0x82}, // cut short by the end
            {'a', (byte) 0xE2, (byte) 0x82, 'b'}, // cut short by another character
        };
        for (byte[] c : cases) {
            assertEquals(1, StrictJsonReader.malformedUtf8(c));
            assertEquals(1, javaDecoderError(c));
        }
        assertEquals(-1, StrictJsonReader.malformedUtf8("é€😀\u07ff\uffff\udbff\udfff".getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    void readsAStringOfAnyCharactersAsJavaDecodesIt(@ForAll("text") String s) {
        byte[] bytes = ("{\"k\":\"" + StringRunTest.escaped(s) + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonValue read = StrictJsonReader.readValue(bytes, MB, MB);
        assertEquals(new JsonValue.JsonObject(java.util.Map.of("k", new JsonValue.JsonString(s))), read);
    }

    @Provide
    Arbitrary<String> text() {
        // whole code points of every UTF-8 length, with quotes, backslashes and control characters among them
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return cp.list().ofMaxSize(20).map(list -> {
            StringBuilder sb = new StringBuilder();
            list.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Test
    void countsTheStringLimitInCharsWhateverTheBytesPerChar() {
        for (String c : List.of("x", "é", "€", "😀")) { // one to four bytes; the last is two chars
            int fit = 12 / c.length();
            byte[] atLimit = ("[\"" + c.repeat(fit) + "\"]").getBytes(StandardCharsets.UTF_8);
            byte[] over = ("[\"" + c.repeat(fit + 1) + "\"]").getBytes(StandardCharsets.UTF_8);
            StrictJsonReader.readValue(atLimit, MB, 12);
            assertEquals("EL-PARSE-STRING-TOO-LONG",
                    assertThrows(JsonReadException.class, () -> StrictJsonReader.readValue(over, MB, 12)).code(), c);
        }
    }

    @Test
    void reportsAnErrorAfterWideCharactersAtItsByteOffsetAndUtf16Column() {
        String doc = "{\"é\":\"€\",\n \"😀x\": tru}";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        JsonReadException e = assertThrows(JsonReadException.class, () -> StrictJsonReader.readValue(bytes, MB, MB));
        int at = doc.indexOf("tru");
        assertEquals(doc.substring(0, at).getBytes(StandardCharsets.UTF_8).length, e.offset());
        assertEquals(2, e.line());
        assertEquals(at - doc.indexOf('\n'), e.column()); // the emoji counts as two chars, as the decoded text had it
    }

    @Test
    void reportsMalformedUtf8AtItsByteOffsetLineAndColumn() {
        byte[] good = "[\"é\",\n \"😀".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xC0; // an overlong form
        bytes[good.length + 1] = (byte) 0xAF;
        JsonReadException e = assertThrows(JsonReadException.class, () -> StrictJsonReader.readValue(bytes, MB, MB));
        assertEquals("EL-PARSE-UTF8", e.code());
        assertEquals(good.length, e.offset());
        assertEquals(2, e.line());
        assertEquals(5, e.column()); // a space, a quote and the emoji's two chars before it
    }

    @Test
    void namesACharacterBeyondAsciiWhereAValueShouldBe() {
        JsonReadException e = assertThrows(JsonReadException.class,
                () -> StrictJsonReader.readValue("[1,é]".getBytes(StandardCharsets.UTF_8), MB, MB));
        assertEquals("EL-PARSE-SYNTAX", e.code());
        assertTrue(e.getMessage().contains("U+00E9"), e.getMessage());
        JsonReadException escape = assertThrows(JsonReadException.class,
                () -> StrictJsonReader.readValue("[\"\\€\"]".getBytes(StandardCharsets.UTF_8), MB, MB));
        assertTrue(escape.getMessage().contains("invalid escape \\U+20AC"), escape.getMessage());
    }

    @Test
    void placesRootMembersAtByteOffsetsAfterWideCharacters() {
        String doc = "{\"a\":\"é😀\",\"b\":[1,\"€\"]}";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        StrictJsonReader.Read read = StrictJsonReader.readDocument(bytes, MB, MB);
        StrictJsonReader.Span b = read.rootMembers().get(1);
        assertEquals("b", b.name());
        assertEquals("[1,\"€\"]", new String(bytes, b.start(), b.end() - b.start(), StandardCharsets.UTF_8));
        assertTrue(read.canonical());
    }
}
