package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8785 against the cyberphone test data and the ES6 number files in ../shared/vectors/jcs. */
class JcsTest {

    private static byte[] canonical(byte[] json) {
        return Jcs.canonicalize(StrictJsonReader.readValue(json, 1 << 24, 1 << 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalisesEveryTestDataInputToItsExpectedOutput(String name) throws IOException {
        Path dir = SharedData.path("vectors/jcs/testdata");
        byte[] expected = Files.readAllBytes(dir.resolve("output/" + name + ".json"));
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                new String(canonical(Files.readAllBytes(dir.resolve("input/" + name + ".json"))), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"es6testfile_1000.txt", "es6testfile_10000.txt", "es6testfile_100000.txt.gz"})
    void formatsEveryEs6NumberFileLineExactly(String file) throws IOException {
        Path path = SharedData.path("vectors/jcs/es6numbers/" + file);
        List<String> mismatches = new ArrayList<>();
        int lines = 0;
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comma = line.indexOf(',');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, comma), 16));
                String expected = line.substring(comma + 1);
                String actual = Jcs.formatNumber(d);
                if (!expected.equals(actual) && mismatches.size() < 10) {
                    mismatches.add(line + " -> " + actual);
                }
                lines++;
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(lines >= 1000, "read only " + lines + " lines");
    }

    @Test
    void formatsTheCasesJava17GetsWrongOrThatSitOnLayoutBoundaries() {
        assertEquals("5e-324", Jcs.formatNumber(5e-324)); // Java 17's Double.toString says 4.9E-324
        assertEquals("1e+21", Jcs.formatNumber(1e21));
        assertEquals("100000000000000000000", Jcs.formatNumber(1e20));
        assertEquals("1e-7", Jcs.formatNumber(1e-7));
        assertEquals("0.000001", Jcs.formatNumber(0.000001));
        assertEquals("123456789012345680000", Jcs.formatNumber(123456789012345680000d));
        assertEquals("9007199254740992", Jcs.formatNumber(9007199254740992d));
        assertEquals("1152921504606847000", Jcs.formatNumber(Math.pow(2, 60)));
        assertEquals("0", Jcs.formatNumber(-0.0));
        assertEquals("-1.5", Jcs.formatNumber(-1.5));
        assertEquals("0.002", Jcs.formatNumber(0.002));
        assertEquals("1.7976931348623157e+308", Jcs.formatNumber(Double.MAX_VALUE));
        assertEquals("0.1", Jcs.formatNumber(0.1));
        assertEquals("333333333.3333333", Jcs.formatNumber(1e9 / 3));
    }

    @Test
    void writesEveryCharacterAsUtf8AndALoneSurrogateFromCodeAsAQuestionMark() {
        // the reader refuses lone surrogates; a value built in code may still hold one
        String text = "a\u00e9\u0800\uffff\ud83d\ude00\ud800b\ude00";
        java.util.Map<String, org.evalledger.core.JsonValue> members = new java.util.LinkedHashMap<>();
        members.put("z\u00e9", new org.evalledger.core.JsonValue.JsonString(text));
        members.put("a", org.evalledger.core.JsonValue.JsonNull.INSTANCE);
        String expected = "{\"a\":null,\"z\u00e9\":\"" + text + "\"}";
        assertEquals(new String(expected.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                new String(Jcs.canonicalize(new org.evalledger.core.JsonValue.JsonObject(members)), StandardCharsets.ISO_8859_1));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.formatNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Jcs.formatNumber(Double.NEGATIVE_INFINITY));
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAndEscapesLikeJsonStringify() {
        byte[] in = "{\"\\ud83d\\ude00\":1,\"\\ufb01\":2,\"a\":\"\\u0001\\u001f\\u007f\\u2028\\/\",\"\\r\":null}"
                .getBytes(StandardCharsets.UTF_8);
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB01 in UTF-16 order
        assertEquals("{\"\\r\":null,\"a\":\"\\u0001\\u001f\u007f\u2028/\",\"\ud83d\ude00\":1,\"\ufb01\":2}",
                new String(canonical(in), StandardCharsets.UTF_8));
    }
}
