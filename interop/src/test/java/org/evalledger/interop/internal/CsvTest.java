package org.evalledger.interop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evalledger.interop.ImportException;
import org.junit.jupiter.api.Test;

/**
 * {@link Csv} reads UTF-8 bytes; it must give the rows that reading the decoded text character by
 * character gives ({@link #byCharacters}, the reading it replaced, kept here as the specification).
 */
class CsvTest {
    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaksInsideQuotes() {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "é🤝")),
                Csv.parse(utf8("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,é🤝\n")));
    }

    @Test
    void skipsBlankLinesAndKeepsAQuoteInsideAnUnquotedField() {
        assertEquals(List.of(List.of("x"), List.of("5\" disk", "y")), Csv.parse(utf8("x\n\n\r\n5\" disk,y")));
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingItsLine() {
        ImportException e = assertThrows(ImportException.class, () -> Csv.parse(utf8("a\nb,\"open\nstill")));
        assertEquals("unterminated quoted field in the CSV (from line 3)", e.detail());
    }

    @Property(tries = 2_000)
    void givesTheRowsOfTheDecodedTextReadCharacterByCharacter(@ForAll("tables") byte[] table) {
        assertEquals(outcome(() -> byCharacters(new String(table, StandardCharsets.UTF_8))), outcome(() -> Csv.parse(table)));
    }

    /** Tables of short pieces: CSV's own characters, ASCII, two- and four-byte UTF-8, U+FFFD itself, and bytes that are not UTF-8. */
    @Provide
    Arbitrary<byte[]> tables() {
        Arbitrary<String> piece = Arbitraries.of(",", "\"", "\"\"", "\n", "\r", "\r\n", "a", "bc", " ", "é", "🤝", "\u00FF",
                "\u0000BAD1", "\u0000BAD2", "\u0000BAD3", "\u0000BAD4", "\u0000BAD5", "\uFFFD");
        return piece.list().ofMaxSize(60).map(CsvTest::bytes);
    }

    private static byte[] bytes(List<String> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : pieces) {
            switch (p) {
                case "\u0000BAD1" -> out.write(0xE2); // the lead byte of a three-byte sequence, alone
                case "\u0000BAD2" -> out.write(0x80); // a continuation byte, alone
                case "\u0000BAD3" -> out.writeBytes(new byte[] {(byte) 0xF0, (byte) 0x9F}); // four-byte sequence, cut
                case "\u0000BAD4" -> out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a surrogate
                case "\u0000BAD5" -> out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAC}); // an overlong comma
                default -> out.writeBytes(utf8(p));
            }
        }
        return out.toByteArray();
    }

    /** The rows, or the error's detail. */
    private static Object outcome(java.util.function.Supplier<List<List<String>>> read) {
        try {
            return read.get();
        } catch (ImportException e) {
            return e.detail();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The reading of the decoded text, one character at a time. */
    private static List<List<String>> byCharacters(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new ImportException(ImportException.MISSING, "unterminated quoted field in the CSV (from line " + line + ")");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
