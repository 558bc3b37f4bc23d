package org.evalledger.schema.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evalledger.core.JsonValue;

/**
 * RFC 8785 JSON Canonicalization Scheme: members sorted by the UTF-16 code units of their names,
 * no whitespace, strings escaped as ECMAScript's {@code JSON.stringify} does, and numbers written
 * as ECMAScript's {@code Number.prototype.toString} does (the shortest digits that read back as
 * the same double). Java 17's {@code Double.toString} is not used: it is not always shortest
 * (it writes 4.9E-324 for 5e-324). Normal doubles
 * take {@link ShortestDecimal}'s integer-only method; subnormals an exact search. Stateless and
 * thread-safe.
 */
public final class Jcs {
    private static final double TWO_53 = 9_007_199_254_740_992d;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {}

    /** The canonical UTF-8 bytes of a core value. */
    public static byte[] canonicalize(JsonValue value) {
        Out out = new Out();
        write(value, out);
        return out.bytes();
    }

    /** Whether the names are already in canonical order (a canonical document's always are). */
    private static boolean sorted(String[] names) {
        for (int i = 1; i < names.length; i++) {
            if (names[i - 1].compareTo(names[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The names, sorted in place into RFC 8785 member order (a no-op for a canonical document's). */
    public static String[] canonicalOrder(String[] names) {
        if (!sorted(names)) {
            Arrays.sort(names); // String.compareTo compares UTF-16 code units
        }
        return names;
    }

    private static void write(JsonValue value, Out out) {
        if (value instanceof JsonValue.JsonObject obj) {
            Map<String, JsonValue> m = obj.members();
            String[] names = canonicalOrder(m.keySet().toArray(new String[0]));
            out.ascii('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                out.string(names[i]);
                out.ascii(':');
                write(m.get(names[i]), out);
            }
            out.ascii('}');
        } else if (value instanceof JsonValue.JsonArray arr) {
            out.ascii('[');
            List<JsonValue> items = arr.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                write(items.get(i), out);
            }
            out.ascii(']');
        } else if (value instanceof JsonValue.JsonString str) {
            out.string(str.value());
        } else if (value instanceof JsonValue.JsonNumber num) {
            out.ascii(formatNumber(num.value()));
        } else if (value instanceof JsonValue.JsonBoolean b) {
            out.ascii(b.value() ? "true" : "false");
        } else {
            out.ascii("null");
        }
    }

    /** A growing UTF-8 byte buffer that writes JSON strings as ECMAScript's JSON.stringify does. */
    private static final class Out {
        private byte[] buf = new byte[512];
        private int len;

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void ascii(char c) {
            room(1);
            buf[len++] = (byte) c;
        }

        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exact for ASCII
        void ascii(String s) {
            int n = s.length();
            room(n);
            // one copy rather than a loop: C2 predicated the loop's bounds on its profile, and the
            // failing predicate threw away the compiled writer once per run (JFR: profile_predicate)
            s.getBytes(0, n, buf, len);
            len += n;
        }

        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exact for ASCII
        void string(String s) {
            int n = s.length();
            room(n + 2);
            buf[len++] = '"';
            int plain = 0; // the leading run that needs no escape and is ASCII: copied in one go
            while (plain < n) {
                char c = s.charAt(plain);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    break;
                }
                plain++;
            }
            s.getBytes(0, plain, buf, len); // ASCII chars are their own bytes
            len += plain;
            for (int i = plain; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    room(1);
                    buf[len++] = (byte) c;
                } else {
                    escaped(s, i, c);
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++; // the pair was written as one four-byte sequence
                    }
                }
            }
            ascii('"');
        }

        private void escaped(String s, int i, char c) {
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    if (c < 0x20) {
                        ascii("\\u00");
                        ascii(HEX[c >> 4]);
                        ascii(HEX[c & 0xF]);
                    } else {
                        utf8(s, i, c);
                    }
                }
            }
        }

        /** A non-ASCII character as UTF-8; a lone surrogate as '?', as String.getBytes(UTF_8) writes it. */
        private void utf8(String s, int i, char c) {
            room(4);
            if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    buf[len++] = (byte) (0xF0 | cp >> 18);
                    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buf[len++] = '?';
                }
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }
    }

    /**
     * ECMAScript {@code Number.prototype.toString(10)} of a finite double (RFC 8785 §3.2.2.3).
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
     */
    public static String formatNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON cannot hold " + d);
        }
        if (d == 0) {
            return "0"; // also -0
        }
        if (d == Math.rint(d) && Math.abs(d) < TWO_53) {
            return Long.toString((long) d); // below 2^53 the shortest digits of an integer are the integer
        }
        return format(d);
    }

    private static String format(double d) {
        boolean negative = d < 0;
        double abs = Math.abs(d);
        String digits;
        int n; // value = 0.digits * 10^n
        if (abs >= Double.MIN_NORMAL) {
            int[] exp = new int[1];
            long f = ShortestDecimal.digits(abs, exp);
            int e10 = exp[0];
            while (f % 10 == 0) {
                f /= 10;
                e10++;
            }
            digits = Long.toString(f);
            n = digits.length() + e10;
        } else {
            // subnormals: ECMAScript's rule wants the exact search when precision is this low
            BigDecimal shortest = shortest(abs);
            digits = shortest.unscaledValue().toString();
            n = digits.length() - shortest.scale();
        }
        int k = digits.length();
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits);
            for (int i = 0; i < n - k; i++) {
                sb.append('0');
            }
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = 0; i < -n; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            int exp = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        }
        return sb.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code abs}; among equally
     * short ones the closest to the exact value, ties to an even last digit. Trailing zeros stripped.
     */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        // Whether some p-digit decimal reads back as abs is monotone in p (the two p+1-digit
        // neighbours of the exact value are at least as close as any p-digit one), so the fewest
        // digits can be found by bisection: about 4 probes instead of up to 17.
        int lo = 1;
        int hi = 17; // 17 significant digits always round-trip
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roundTrips(exact, abs, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int p = lo;
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
        boolean downOk = Double.parseDouble(down.toString()) == abs;
        boolean upOk = Double.parseDouble(up.toString()) == abs;
        if (downOk && upOk && down.compareTo(up) != 0) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp < 0) {
                return down.stripTrailingZeros();
            }
            if (cmp > 0) {
                return up.stripTrailingZeros();
            }
            return (down.unscaledValue().testBit(0) ? up : down).stripTrailingZeros();
        }
        return (downOk ? down : up).stripTrailingZeros();
    }

    private static boolean roundTrips(BigDecimal exact, double abs, int p) {
        return Double.parseDouble(exact.round(new MathContext(p, RoundingMode.DOWN)).toString()) == abs
                || Double.parseDouble(exact.round(new MathContext(p, RoundingMode.UP)).toString()) == abs;
    }
}
