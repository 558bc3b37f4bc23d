package org.evalledger.interop.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evalledger.interop.ImportException;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, LF or CRLF.
 * Stateless and thread-safe.
 *
 * <p>The table is read as UTF-8 bytes, not as a decoded string: every byte that means something to
 * CSV is ASCII, and no byte of a multi-byte UTF-8 sequence is, so the rows are the same as reading
 * the decoded text character by character; each field is decoded on its own. A field's bytes are
 * taken in runs between the bytes that mean something, not one by one. (A leaderboard table is a few
 * megabytes, much of it emoji: decoded whole, it became a UTF-16 string read through {@code charAt}.)
 */
public final class Csv {
    private Csv() {}

    /**
     * The rows of a UTF-8 CSV table (the header included); blank lines are skipped. Bytes that are
     * not UTF-8 become U+FFFD, as in {@code new String(text, UTF_8)}.
     */
    public static List<List<String>> parse(byte[] text) {
        List<List<String>> rows = rows(text, true);
        if (rows == null) { // a field held U+FFFD: read the text as decoded whole, so that broken bytes read the same
            rows = rows(new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), false);
        }
        return rows;
    }

    /**
     * The rows; with {@code stopAtReplacement}, {@code null} when a field decodes with U+FFFD.
     * Otherwise every field is UTF-8 on its own, so the whole text is, and decoding field by field
     * gives what decoding the whole does. With U+FFFD the bytes may not be UTF-8, and a broken
     * sequence that a field ends with may decode to fewer U+FFFD on its own than before the comma
     * that follows it.
     */
    private static @Nullable List<List<String>> rows(byte[] text, boolean stopAtReplacement) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        Field field = new Field(stopAtReplacement);
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int n = text.length;
        for (int i = 0; i < n; i++) {
            byte c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field.add(text, i, 1);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    int end = i;
                    while (end < n && text[end] != '"') {
                        if (text[end] == '\n') {
                            line++;
                        }
                        end++;
                    }
                    field.add(text, i, end - i);
                    i = end - 1;
                }
            } else if (c == '"' && field.length == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                if (!field.take(row)) {
                    return null;
                }
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
                    i++;
                }
                if (any || field.length > 0) {
                    if (!field.take(row)) {
                        return null;
                    }
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.length = 0;
                any = false;
                line++;
            } else {
                int end = i + 1; // a quote inside an unquoted field is a character of it
                while (end < n && text[end] != ',' && text[end] != '\n' && text[end] != '\r') {
                    end++;
                }
                field.add(text, i, end - i);
                any = true;
                i = end - 1;
            }
        }
        if (quoted) {
            throw new ImportException(ImportException.MISSING, "unterminated quoted field in the CSV (from line " + line + ")");
        }
        if (any || field.length > 0) {
            if (!field.take(row)) {
                return null;
            }
            rows.add(row);
        }
        return rows;
    }

    /** The bytes of the field being read. */
    private static final class Field {
        private final boolean stopAtReplacement;
        private byte[] bytes = new byte[128];
        private int length;

        Field(boolean stopAtReplacement) {
            this.stopAtReplacement = stopAtReplacement;
        }

        void add(byte[] from, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        /** Adds the field's text to the row, and empties the field; false when the text holds U+FFFD and that stops the reading. */
        boolean take(List<String> row) {
            String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
            length = 0;
            row.add(s);
            return !stopAtReplacement || s.indexOf('\uFFFD') < 0;
        }
    }
}
