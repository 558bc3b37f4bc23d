package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader's second fast path for fractional literals (a literal that is its double's shortest
 * decimal, as JCS writes it) gives exactly the double Java's full parser gives, bit for bit, or
 * declines; and it does not decline the shortest decimals of the numbers records hold.
 */
class ShortestQuotientTest {

    /** The fast path's answer, checked against Java's parser when it gives one; whether it gave one. */
    private static boolean agrees(String literal) {
        double fast = StrictJsonReader.shortestQuotient(literal.getBytes(StandardCharsets.US_ASCII), 0, literal.length());
        if (Double.isNaN(fast)) {
            return false;
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)), Double.doubleToRawLongBits(fast), literal);
        return true;
    }

    /** Whether a double's JCS text is within what the fast path promises to take: normal, at most 17 digits, exponent within ±22. */
    private static boolean promised(double d) {
        double abs = Math.abs(d);
        return abs >= 1e-5 && abs < 1e5 && abs >= Double.MIN_NORMAL;
    }

    @Test
    void takesTheShortestTextOfEveryScoreAndStandardErrorAndGivesItsDouble() {
        SplittableRandom random = new SplittableRandom(17);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            int n = random.nextInt(1, 200_000);
            int k = random.nextInt(0, n + 1);
            double p = (double) k / n;
            double stderr = Math.sqrt(p * (1 - p) / Math.max(1, n - 1));
            for (double d : new double[] {p, stderr, -p, 100 * p, random.nextDouble(), random.nextDouble() * 1e4}) {
                if (d == 0 || d == Math.rint(d)) {
                    continue;
                }
                String text = Jcs.formatNumber(d);
                double exact = StrictJsonReader.exactQuotient(text.getBytes(StandardCharsets.US_ASCII), 0, text.length());
                if (!Double.isNaN(exact)) {
                    continue; // the first fast path takes it
                }
                boolean took = agrees(text);
                if (promised(d)) {
                    assertTrue(took, "declined the shortest text " + text);
                }
                taken += took ? 1 : 0;
            }
        }
        assertTrue(taken > 300_000, "taken only " + taken + " times");
    }

    @Test
    void agreesWithJavasParserOnRandomDoublesAndTheirOtherSpellings() {
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            agrees(Jcs.formatNumber(d));
            agrees(Double.toString(d)); // Java 17's text is not always the shortest
            double scaled = random.nextDouble() * Math.pow(10, random.nextInt(-25, 25));
            agrees(Jcs.formatNumber(scaled));
            agrees(String.format("%.17g", scaled).replace(',', '.'));
            agrees(String.format("%.16e", scaled).replace(',', '.'));
            agrees(String.format("%.18f", scaled).replace(',', '.'));
        }
    }

    @Test
    void candidatesAcrossPowersOfTwoWhereTheUnitInTheLastPlaceChanges() {
        for (int e = -70; e <= 70; e++) {
            double power = Math.scalb(1.0, e);
            double d = power;
            for (int step = 0; step < 6; step++) {
                d = Math.nextDown(d);
            }
            for (int step = 0; step < 12; step++, d = Math.nextUp(d)) {
                String text = Jcs.formatNumber(d);
                boolean took = agrees(text);
                if (Double.isNaN(StrictJsonReader.exactQuotient(text.getBytes(StandardCharsets.US_ASCII), 0, text.length())) && promised(d)
                        && text.replace("-", "").replace(".", "").replaceFirst("^0+", "").length() <= 17) {
                    assertTrue(took, "declined the shortest text " + text + " next to 2^" + e);
                }
            }
        }
    }

    @Test
    void declinesWhatIsNotAShortestDecimalOrIsOutOfItsRange() {
        for (String literal : List.of(
                "0.1000000000000000055511151231257827", // more than 17 digits
                "0.10000000000000001", // reads as 0.1, whose shortest decimal is shorter
                "0.483788395904436840", // 18 digits, one a trailing zero
                "1.7976931348623157e308", // exponent beyond ±22
                "4.9e-324", // subnormal
                "3.141592653589793e-20", // a decimal exponent of -35
                "0.0", "-0.0", "0e5")) {
            assertFalse(agrees(literal), literal);
        }
        // the value is what counts here; whether the text is canonical (no trailing zero) the reader checks apart
        for (String literal : List.of("0.48378839590443684", "0.48378839590443680", "-0.014603708567414945", "4.8378839590443684e-1",
                "48378839590443684e-17", "0.0041844741308768585", Jcs.formatNumber(1.2345678901234567e21),
                Jcs.formatNumber(1.2345678901234567e-6))) {
            assertTrue(agrees(literal), literal);
        }
    }

    /** Other spellings of the same decimal as a JCS text: the point form, the exponent forms, padded ones. */
    static List<String> spellings(String jcs) {
        String sign = jcs.startsWith("-") ? "-" : "";
        BigDecimal abs = new BigDecimal(jcs).abs().stripTrailingZeros();
        String d = abs.unscaledValue().toString();
        int k = d.length();
        int n = k - abs.scale(); // value = 0.d * 10^n
        List<String> out = new ArrayList<>();
        out.add(jcs);
        if (n > 0 && n < k) {
            out.add(sign + d.substring(0, n) + "." + d.substring(n));
            out.add(sign + d.substring(0, n) + "." + d.substring(n) + "0");
        }
        if (n <= 0) {
            out.add(sign + "0." + "0".repeat(-n) + d);
            out.add(sign + "0." + "0".repeat(-n) + d + "0");
        }
        String mantissa = d.substring(0, 1) + (k > 1 ? "." + d.substring(1) : "");
        int e = n - 1;
        for (String marker : List.of("e", "E")) {
            out.add(sign + mantissa + marker + (e < 0 ? "-" : "+") + Math.abs(e));
            out.add(sign + mantissa + marker + (e < 0 ? "-" : "") + Math.abs(e));
            out.add(sign + mantissa + marker + (e < 0 ? "-0" : "+0") + Math.abs(e));
            out.add(sign + mantissa + (k > 1 ? "0" : ".0") + marker + (e < 0 ? "-" : "+") + Math.abs(e));
        }
        if (k > 2) {
            out.add(sign + d.substring(0, 2) + "." + d.substring(2) + "e" + (e - 1 < 0 ? "-" : "+") + Math.abs(e - 1));
        }
        out.add(sign + "0." + d + "e" + (n < 0 ? "-" : "+") + Math.abs(n));
        return out;
    }

    @Test
    void callsALiteralWithTheShortestDigitsCanonicalExactlyWhenItIsJcsText() {
        SplittableRandom random = new SplittableRandom(41);
        int canonical = 0;
        int other = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = (random.nextDouble() + 0.1) * Math.pow(10, random.nextInt(-12, 26)) * (random.nextBoolean() ? 1 : -1);
            String jcs = Jcs.formatNumber(d);
            for (String literal : spellings(jcs)) {
                byte[] text = literal.getBytes(StandardCharsets.US_ASCII);
                boolean fractional = literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0;
                if (!fractional || Double.isNaN(StrictJsonReader.shortestQuotient(text, 0, text.length))) {
                    continue; // not the path that asks for the layout (the reader reads integers apart)
                }
                boolean expected = literal.equals(jcs);
                assertEquals(expected, StrictJsonReader.isJcsLayout(text, 0, text.length), literal + " (JCS: " + jcs + ")");
                if (expected) {
                    canonical++;
                } else {
                    other++;
                }
            }
        }
        assertTrue(canonical > 50_000 && other > 200_000, canonical + " canonical and " + other + " other spellings checked");
    }
}
