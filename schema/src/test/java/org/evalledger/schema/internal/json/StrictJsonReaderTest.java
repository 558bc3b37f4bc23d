package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every rejection of SCHEMA.md "Parsing" has its own code; nothing else escapes. */
class StrictJsonReaderTest {
    private static final int MB = 1 << 20;

    private static JsonNode read(String json) {
        return StrictJsonReader.read(json.getBytes(StandardCharsets.UTF_8), 16 * MB, MB);
    }

    /** The code of a rejection, which reading into core values must give too (with the same message). */
    private static String codeOf(byte[] bytes) {
        JsonReadException tree = assertThrows(JsonReadException.class, () -> StrictJsonReader.read(bytes, 16 * MB, MB));
        JsonReadException core = assertThrows(JsonReadException.class, () -> StrictJsonReader.readValue(bytes, 16 * MB, MB));
        assertEquals(tree.getMessage(), core.getMessage());
        return tree.code();
    }

    @Test
    void readsTheSameCoreValuesAsTheTreeGives() {
        String doc = " {\"b\": [1, -2.5e3, true, false, null, 9007199254740993, 12345678901234567890, 0.1, -0.0, 1E-7],"
                + " \"a\": \"\\u00e9\\n\\ud83d\\ude00\", \"o\": {\"z\": {}, \"y\": []}}\r\n";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        assertEquals(coreValueOf(StrictJsonReader.read(bytes, 16 * MB, MB)), StrictJsonReader.readValue(bytes, 16 * MB, MB));
    }

    /** The core value of a Jackson node, every number as its double: the oracle for the core tree builder. */
    private static org.evalledger.core.JsonValue coreValueOf(JsonNode n) {
        if (n.isObject()) {
            java.util.Map<String, org.evalledger.core.JsonValue> m = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), coreValueOf(e.getValue()));
            }
            return new org.evalledger.core.JsonValue.JsonObject(m);
        }
        if (n.isArray()) {
            java.util.List<org.evalledger.core.JsonValue> items = new java.util.ArrayList<>();
            for (JsonNode item : n) {
                items.add(coreValueOf(item));
            }
            return new org.evalledger.core.JsonValue.JsonArray(items);
        }
        if (n.isString()) {
            return new org.evalledger.core.JsonValue.JsonString(n.stringValue());
        }
        if (n.isNumber()) {
            return new org.evalledger.core.JsonValue.JsonNumber(n.doubleValue());
        }
        if (n.isBoolean()) {
            return new org.evalledger.core.JsonValue.JsonBoolean(n.booleanValue());
        }
        return org.evalledger.core.JsonValue.JsonNull.INSTANCE;
    }

    private static String codeOf(String json) {
        return codeOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAllValueKindsKeepingMemberOrder() {
        JsonNode n = read(" {\"b\": [1, -2.5e3, true, false, null], \"a\": \"\\u00e9\\n\\ud83d\\ude00\"}\r\n");
        assertEquals("b", n.propertyNames().iterator().next());
        assertTrue(n.get("b").get(0).isInt());
        assertEquals(-2500.0, n.get("b").get(1).doubleValue());
        assertEquals("\u00e9\n\ud83d\ude00", n.get("a").stringValue());
    }

    @Test
    void readsIntegersAsIntegralNodesAndEverythingElseAsDoubles() {
        assertTrue(read("9007199254740993").isLong());
        assertEquals(9007199254740993L, read("9007199254740993").longValue());
        assertTrue(read("1.0").isDouble());
        assertTrue(read("1e2").isDouble());
        assertTrue(read("123456789012345678901234567890").isDouble());
        assertEquals(5e-324, read("5e-324").doubleValue());
    }

    @Test
    void rejectsADocumentOverTheSizeLimitBeforeReadingIt() {
        byte[] doc = "[1]".getBytes(StandardCharsets.UTF_8);
        assertEquals("EL-PARSE-TOO-LARGE",
                assertThrows(JsonReadException.class, () -> StrictJsonReader.read(doc, 2, MB)).code());
    }

    @Test
    void rejectsByteOrderMarks() {
        assertEquals("EL-PARSE-BOM", codeOf(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
        assertEquals("EL-PARSE-BOM", codeOf(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}));
    }

    @Test
    void rejectsMalformedUtf8WithItsByteOffset() {
        JsonReadException e = assertThrows(JsonReadException.class,
                () -> StrictJsonReader.read(new byte[] {'[', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', ']'}, MB, MB));
        assertEquals("EL-PARSE-UTF8", e.code()); // an overlong '/'
        assertEquals(3, e.offset());
        assertEquals("EL-PARSE-UTF8", codeOf(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})); // encoded surrogate
        assertEquals("EL-PARSE-UTF8", codeOf(new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'})); // truncated sequence
        assertEquals("EL-PARSE-UTF8", codeOf(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800b\"", "\"\\ude00\\ud83d\"", "{\"\\ud800\":1}"})
    void rejectsLoneSurrogates(String json) {
        assertEquals("EL-PARSE-LONE-SURROGATE", codeOf(json));
    }

    @Test
    void rejectsDuplicateMemberNamesAtAnyDepthComparingDecodedNames() {
        assertEquals("EL-PARSE-DUPLICATE-KEY", codeOf("{\"a\":1,\"a\":2}"));
        assertEquals("EL-PARSE-DUPLICATE-KEY", codeOf("[{\"x\":{\"a\":1,\"b\":2,\"\\u0061\":3}}]"));
        read("{\"a\":{\"a\":1}}"); // the same name in different objects is fine
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[Infinity]", "{\"v\":-Infinity}"})
    void rejectsNonFiniteLiterals(String json) {
        assertEquals("EL-PARSE-NON-FINITE", codeOf(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "[1]]", "1 2", "\"a\"x", "{}\u0000"})
    void rejectsTrailingContent(String json) {
        assertEquals("EL-PARSE-TRAILING", codeOf(json));
    }

    @Test
    void acceptsSixtyFourLevelsAndRejectsSixtyFive() {
        read("[".repeat(64) + "]".repeat(64));
        assertEquals("EL-PARSE-TOO-DEEP", codeOf("[".repeat(65) + "]".repeat(65)));
        assertEquals("EL-PARSE-TOO-DEEP", codeOf("{\"a\":".repeat(65) + "1" + "}".repeat(65)));
    }

    @Test
    void rejectsAMillionOpenBracketsWithoutOverflowingTheStack() {
        assertEquals("EL-PARSE-TOO-DEEP", codeOf("[".repeat(1_000_000)));
    }

    @Test
    void rejectsStringsAndNamesOverTheLimit() {
        byte[] longString = ("[\"" + "x".repeat(11) + "\"]").getBytes(StandardCharsets.UTF_8);
        assertEquals("EL-PARSE-STRING-TOO-LONG",
                assertThrows(JsonReadException.class, () -> StrictJsonReader.read(longString, MB, 10)).code());
        byte[] longName = ("{\"" + "x\\n".repeat(6) + "\":1}").getBytes(StandardCharsets.UTF_8);
        assertEquals("EL-PARSE-STRING-TOO-LONG",
                assertThrows(JsonReadException.class, () -> StrictJsonReader.read(longName, MB, 10)).code());
        StrictJsonReader.read("[\"xxxxxxxxxx\"]".getBytes(StandardCharsets.UTF_8), MB, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e-400", "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"})
    void rejectsNumbersThatDoNotFitADouble(String json) {
        assertEquals("EL-PARSE-NUMBER-RANGE", codeOf(json));
    }

    @Test
    void acceptsZeroInAnyForm() {
        assertTrue(read("0e-400").doubleValue() == 0);
        assertTrue(read("-0.0").doubleValue() == 0); // -0 is zero; JCS writes it as 0
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "01", "+1", ".5", "1.", "1e",
        "-", "tru", "nul", "\"\\x\"", "\"\\u12g4\"", "\"a\tb\"", "\"unterminated", "// c\n{}", "[1 2]", "{a:1}", "\"\\u12\""})
    void rejectsEverythingElseAsSyntax(String json) {
        assertEquals("EL-PARSE-SYNTAX", codeOf(json));
    }

    @Test
    void reportsLineAndColumn() {
        JsonReadException e = assertThrows(JsonReadException.class, () -> read("{\n  \"a\": tru\n}"));
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("line 2, column 8"), e.getMessage());
    }

    @Property(tries = 2000)
    void arbitraryBytesRaiseNothingButJsonReadException(@ForAll @Size(max = 64) byte[] bytes) {
        try {
            StrictJsonReader.read(bytes, MB, MB);
        } catch (JsonReadException expected) {
            assertTrue(expected.code().startsWith("EL-PARSE-"));
        }
    }

    @Property(tries = 1000)
    void canonicalFormIsAFixedPoint(@ForAll("jsonish") String json) {
        org.evalledger.core.JsonValue first;
        try {
            first = StrictJsonReader.readValue(json.getBytes(StandardCharsets.UTF_8), 16 * MB, MB);
        } catch (JsonReadException notJson) {
            return;
        }
        byte[] canonical = Jcs.canonicalize(first);
        assertEquals(new String(canonical, StandardCharsets.UTF_8),
                new String(Jcs.canonicalize(StrictJsonReader.readValue(canonical, MB, MB)), StandardCharsets.UTF_8));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> jsonish() {
        return net.jqwik.api.Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ abtrunlsfx\\u\u00e9").ofMaxLength(30);
    }

    @Property(tries = 2000)
    void numbersRoundTripThroughTheirCanonicalForm(@ForAll double d) {
        if (Double.isFinite(d)) {
            assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(Jcs.formatNumber(d)));
        }
    }
}
