package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.evalledger.core.JsonValue;

/**
 * A string's plain bytes are read eight at a time until a word holds a quote, a backslash or a
 * control character: the strings read must be exactly those that the JSON text encodes, wherever
 * those bytes fall in a word, and a control character must still be rejected.
 */
class StringRunTest {
    private static final int MB = 1 << 20;

    /** The bytes that matter to the word test, and some that do not. */
    private static final byte[] BYTES = {0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, '"', '\\', 'a', 0x7F, (byte) 0x80, (byte) 0xC3,
        (byte) 0xE2, (byte) 0xF0, (byte) 0xFF, 0x5B, 0x5D, 0x22 ^ 0x01, 0x5C ^ 0x01};

    @Provide
    Arbitrary<byte[]> words() {
        List<Byte> bytes = new java.util.ArrayList<>();
        for (byte b : BYTES) {
            bytes.add(b);
        }
        return Arbitraries.of(bytes).list().ofSize(8).map(l -> {
            byte[] w = new byte[8];
            for (int i = 0; i < 8; i++) {
                w[i] = l.get(i);
            }
            return w;
        });
    }

    @Property(tries = 5000)
    void aWordEndsARunExactlyWhenOneOfItsBytesDoes(@ForAll("words") byte[] word) {
        boolean any = false;
        long w = 0;
        for (int i = 0; i < 8; i++) {
            int c = word[i] & 0xFF;
            any |= c < 0x20 || c == '"' || c == '\\';
            w |= (long) c << (8 * i); // little-endian, as the reader loads it
        }
        assertEquals(any, StrictJsonReader.ends(w), String.format("%016x", w));
    }

    @Property(tries = 3000)
    void aRandomLongWordEndsARunExactlyWhenOneOfItsBytesDoes(@ForAll long w) {
        boolean any = false;
        for (int i = 0; i < 8; i++) {
            int c = (int) (w >>> (8 * i)) & 0xFF;
            any |= c < 0x20 || c == '"' || c == '\\';
        }
        assertEquals(any, StrictJsonReader.ends(w));
    }

    /** The characters of the strings tried: one to four UTF-8 bytes, and the ones a JSON text must escape. */
    private static final List<String> CHARS = List.of("a", "Z", " ", "~", "\u007f", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "é",
            "\u00ff", "€", "\u4e2d", "😀", "/");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(CHARS).list().ofMaxSize(90).map(l -> String.join("", l));
    }

    /** JSON's escapes for a quote, a backslash and the control characters; every other character as its UTF-8. */
    static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Property(tries = 3000)
    void readsTheStringItsTextEncodesWhereverItsBytesFallInAWord(@ForAll("texts") String s,
            @ForAll @IntRange(min = 0, max = 15) int shift) {
        byte[] doc = ("[" + " ".repeat(shift) + "\"" + escaped(s) + "\"]").getBytes(StandardCharsets.UTF_8);
        assertEquals(new JsonValue.JsonArray(List.of(new JsonValue.JsonString(s))), StrictJsonReader.readValue(doc, MB, MB));
        assertEquals(s, StrictJsonReader.read(doc, MB, MB).get(0).stringValue());
    }

    @Property(tries = 2000)
    void anUnescapedControlCharacterAnywhereInALongStringIsRejected(@ForAll @IntRange(min = 0, max = 63) int at,
            @ForAll @IntRange(min = 0, max = 0x1f) int control, @ForAll @IntRange(min = 0, max = 15) int shift) {
        StringBuilder content = new StringBuilder("abcdefgh".repeat(8));
        content.setCharAt(at, (char) control);
        byte[] doc = ("[" + " ".repeat(shift) + "\"" + content + "\"]").getBytes(StandardCharsets.UTF_8);
        JsonReadException e = assertThrows(JsonReadException.class, () -> StrictJsonReader.readValue(doc, MB, MB));
        assertEquals("EL-PARSE-SYNTAX", e.code());
        assertTrue(e.getMessage().contains("unescaped control character"), e.getMessage());
        assertEquals(1 + shift + 1 + at + 1, e.column(), e.getMessage()); // columns count from 1
    }

    @Example
    void aLongRunBeyondAsciiIsHeldToTheLimitInCharactersNotBytes() {
        for (String c : List.of("a", "é", "€")) {
            for (int limit : new int[] {7, 8, 9, 40, 41}) {
                byte[] atLimit = ("[\"" + c.repeat(limit) + "\"]").getBytes(StandardCharsets.UTF_8);
                assertEquals(c.repeat(limit), StrictJsonReader.read(atLimit, MB, limit).get(0).stringValue(), c + " x " + limit);
                byte[] over = ("[\"" + c.repeat(limit + 1) + "\"]").getBytes(StandardCharsets.UTF_8);
                assertEquals("EL-PARSE-STRING-TOO-LONG",
                        assertThrows(JsonReadException.class, () -> StrictJsonReader.read(over, MB, limit)).code(), c + " x " + limit);
            }
        }
    }
}
