package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evalledger.core.JsonValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The reader's note that a document is canonical ({@link StrictJsonReader#readDocument}) is true
 * exactly when the bytes equal the RFC 8785 form of the value read, and the root members' spans
 * cut out each member's own canonical bytes. Documents are written from random values in random
 * styles: canonical, or with any of the forms JCS does not write (whitespace, members out of
 * order, needless or upper-case escapes, other spellings of a number).
 */
class CanonicalFlagTest {
    private static final String CHARS = "az/\"\\\u0000\u0001\u001f\b\f\n\r\t \u007f\u00e9\u2028\u20ac\ud83d\ude00";

    private static final double[] NUMBERS = {0, -0.0, 1, -1, 0.5, 1e21, 1e-7, 1e-6, 123456789012345680000d, 0x1p53, 0x1p53 + 2,
        0x1p63, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 0.30000000000000004, 0.5170648464163823, 1234.5, 100, 1e300};

    @Property(tries = 3000)
    void theReaderCallsADocumentCanonicalExactlyWhenItsBytesAreTheJcsFormOfItsValue(@ForAll long seed) {
        Random random = new Random(seed);
        JsonValue value = value(random, 0);
        boolean styled = random.nextInt(3) > 0;
        String text = write(value, random, styled ? 0.02 + random.nextDouble() * 0.2 : 0);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StrictJsonReader.Read read = StrictJsonReader.readDocument(bytes, Long.MAX_VALUE, Integer.MAX_VALUE);
        byte[] jcs = Jcs.canonicalize(read.value());
        assertEquals(Arrays.equals(bytes, jcs), read.canonical(), text);
        if (!styled) {
            assertTrue(read.canonical(), text);
        }
        assertEquals(StrictJsonReader.readValue(bytes, Long.MAX_VALUE, Integer.MAX_VALUE), read.value());
        if (read.value() instanceof JsonValue.JsonObject obj) {
            assertEquals(List.copyOf(obj.members().keySet()), read.rootMembers().stream().map(StrictJsonReader.Span::name).toList());
            for (StrictJsonReader.Span s : read.rootMembers()) {
                byte[] slice = Arrays.copyOfRange(bytes, s.start(), s.end());
                JsonValue member = obj.members().get(s.name());
                assertEquals(member, StrictJsonReader.readValue(slice, Long.MAX_VALUE, Integer.MAX_VALUE), text);
                if (read.canonical()) {
                    assertArrayEquals(Jcs.canonicalize(member), slice, text);
                }
            }
        } else {
            assertTrue(read.rootMembers().isEmpty());
        }
    }

    @Test
    void eachFormThatJcsDoesNotWriteIsNoticed() {
        for (String json : List.of(" {}", "{} ", "{ }", "[1, 2]", "{\"b\":1,\"a\":2}", "\"\\/\"", "\"\\u0041\"", "\"\\u001F\"",
                "\"\\u000a\"", "\"\\u0008\"", "1.0", "1e2", "1E+21", "0.10", "-0", "-0.0", "9007199254740993",
                "0.0000001", "100000000000000000000000", "true ", "\"\\u00e9\"", "{\"a\":{\"d\":1,\"c\":2}}", "[{\"b\":1,\"a\":2}]")) {
            StrictJsonReader.Read read = StrictJsonReader.readDocument(json.getBytes(StandardCharsets.UTF_8), 1 << 20, 1 << 20);
            assertFalse(read.canonical(), json);
        }
        for (String json : List.of("{}", "[1,2]", "{\"a\":2,\"b\":1}", "\"/\"", "\"\\u001f\"", "\"\\n\"", "\"\\\"\\\\\"", "1e+21", "1e-7",
                "0.000001", "-1", "0", "9007199254740992", "\"\u00e9\u20ac\"", "{\"\u00e9\":1,\"\ud83d\ude00\":[null,true,false]}",
                "{\"\ud83d\ude00\":1,\"\uff61\":2}")) {
            StrictJsonReader.Read read = StrictJsonReader.readDocument(json.getBytes(StandardCharsets.UTF_8), 1 << 20, 1 << 20);
            assertTrue(read.canonical(), json);
        }
    }

    // ------------------------------------------------------------------ values and styled writing

    private static JsonValue value(Random r, int depth) {
        int kind = r.nextInt(depth >= 4 ? 4 : 7);
        switch (kind) {
            case 0: return new JsonValue.JsonString(string(r));
            case 1: return new JsonValue.JsonNumber(number(r));
            case 2: return r.nextBoolean() ? new JsonValue.JsonBoolean(r.nextBoolean()) : JsonValue.JsonNull.INSTANCE;
            case 3: return new JsonValue.JsonNumber(number(r));
            case 4: case 5: {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    m.putIfAbsent(string(r), value(r, depth + 1));
                }
                return new JsonValue.JsonObject(m);
            }
            default: {
                List<JsonValue> items = new ArrayList<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    items.add(value(r, depth + 1));
                }
                return new JsonValue.JsonArray(items);
            }
        }
    }

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(CHARS.length());
            char c = CHARS.charAt(at);
            if (Character.isHighSurrogate(c)) {
                sb.append(c).append(CHARS.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static double number(Random r) {
        switch (r.nextInt(5)) {
            case 0: return NUMBERS[r.nextInt(NUMBERS.length)];
            case 1: return r.nextInt(2000) - 1000;
            case 2: return (r.nextInt(100_000) - 50_000) / 1000.0;
            case 3: return r.nextDouble();
            default: {
                double d = Double.longBitsToDouble(r.nextLong());
                return Double.isFinite(d) ? d : 0.25;
            }
        }
    }

    /** Writes the value; each token takes a form JCS does not write with probability {@code p}. */
    private static String write(JsonValue v, Random r, double p) {
        StringBuilder sb = new StringBuilder();
        write(v, r, p, sb);
        if (r.nextDouble() < p) {
            sb.insert(0, ' ');
        }
        return sb.toString();
    }

    private static void space(Random r, double p, StringBuilder sb) {
        if (r.nextDouble() < p) {
            sb.append(" \n\t\r".charAt(r.nextInt(4)));
        }
    }

    private static void write(JsonValue v, Random r, double p, StringBuilder sb) {
        if (v instanceof JsonValue.JsonObject obj) {
            List<String> names = new ArrayList<>(obj.members().keySet());
            Collections.sort(names);
            if (r.nextDouble() < p) {
                Collections.shuffle(names, r);
            }
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    space(r, p, sb);
                    sb.append(',');
                }
                space(r, p, sb);
                string(names.get(i), r, p, sb);
                space(r, p, sb);
                sb.append(':');
                space(r, p, sb);
                write(obj.members().get(names.get(i)), r, p, sb);
            }
            space(r, p, sb);
            sb.append('}');
        } else if (v instanceof JsonValue.JsonArray arr) {
            sb.append('[');
            for (int i = 0; i < arr.items().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                space(r, p, sb);
                write(arr.items().get(i), r, p, sb);
            }
            sb.append(']');
        } else if (v instanceof JsonValue.JsonString s) {
            string(s.value(), r, p, sb);
        } else if (v instanceof JsonValue.JsonNumber num) {
            sb.append(number(num.value(), r, p));
        } else {
            sb.append(new String(Jcs.canonicalize(v), StandardCharsets.UTF_8));
        }
    }

    private static void string(String s, Random r, double p, StringBuilder sb) {
        String jcs = new String(Jcs.canonicalize(new JsonValue.JsonString(s)), StandardCharsets.UTF_8);
        if (r.nextDouble() >= p) {
            sb.append(jcs);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int form = r.nextInt(4);
            if (Character.isHighSurrogate(c)) { // a pair: both escaped, or both as they are
                String pair = s.substring(i, i + 2);
                i++;
                sb.append(form == 0 ? escaped(pair.charAt(0), r) + escaped(pair.charAt(1), r) : pair);
            } else if (form == 0) {
                sb.append(escaped(c, r));
            } else if (form == 1 && c == '/') {
                sb.append("\\/");
            } else {
                String one = new String(Jcs.canonicalize(new JsonValue.JsonString(String.valueOf(c))), StandardCharsets.UTF_8);
                sb.append(one, 1, one.length() - 1);
            }
        }
        sb.append('"');
    }

    private static String escaped(char c, Random r) {
        String hex = String.format("%04x", (int) c);
        return "\\u" + (r.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
    }

    private static String number(double d, Random r, double p) {
        String jcs = Jcs.formatNumber(d);
        if (r.nextDouble() >= p) {
            return jcs;
        }
        BigDecimal exact = new BigDecimal(d);
        switch (r.nextInt(7)) {
            case 0: return Double.toString(d);
            case 1: return new BigDecimal(jcs).toPlainString();
            case 2: return new BigDecimal(jcs).toString();
            case 3: return jcs + (jcs.contains(".") || jcs.contains("e") ? "" : ".0");
            case 4: return jcs.toUpperCase(java.util.Locale.ROOT);
            case 5: return d == 0 ? "-0" : jcs.replace("e+", "e");
            default: return exact.toString(); // the exact binary value: usually far longer than the shortest digits
        }
    }

    /**
     * A number alone: canonical exactly when its text is JCS's text of the double it reads as, for
     * JCS's own text, other spellings of the same digits, and texts whose last digits differ from the
     * shortest ones (some of which still read as the same double: near 8 or 9 two 16-digit decimals
     * round to one double, and only one is its shortest decimal).
     */
    @Property(tries = 3000)
    void aNumberIsCanonicalExactlyWhenItIsJcsText(@ForAll long seed) {
        Random random = new Random(seed);
        double d = switch (random.nextInt(4)) {
            case 0 -> 8 + 2 * random.nextDouble();
            case 1 -> random.nextDouble();
            case 2 -> random.nextInt(10_000) / Math.pow(10, random.nextInt(8));
            default -> (random.nextDouble() + 0.1) * Math.pow(10, random.nextInt(-25, 25));
        };
        if (random.nextBoolean()) {
            d = -d;
        }
        String jcs = Jcs.formatNumber(d);
        List<String> literals = new ArrayList<>(ShortestQuotientTest.spellings(jcs));
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 15; digits <= 17; digits++) { // the decimals next to the value in the 15th to 17th digit
            BigDecimal rounded = exact.round(new java.math.MathContext(digits));
            BigDecimal ulp = rounded.ulp();
            for (BigDecimal near : List.of(rounded, rounded.add(ulp), rounded.subtract(ulp))) {
                literals.add(near.toString().replace("E", "e"));
                literals.add(near.toPlainString());
            }
        }
        for (String literal : literals) {
            byte[] bytes = literal.getBytes(StandardCharsets.US_ASCII);
            StrictJsonReader.Read read = StrictJsonReader.readDocument(bytes, 1 << 20, 1 << 20);
            double value = ((JsonValue.JsonNumber) read.value()).value();
            assertEquals(literal.equals(Jcs.formatNumber(value)), read.canonical(), literal + " reads as " + value);
        }
    }
}
