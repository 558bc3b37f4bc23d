package org.evalledger.interop.internal;

import java.util.ArrayList;
import java.util.List;
import org.evalledger.interop.ImportException;

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, LF or CRLF. Stateless and thread-safe. */
public final class Csv {
    private Csv() {}

    /** The rows of a CSV text (the header included); blank lines are skipped. */
    public static List<List<String>> parse(String text) {
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
