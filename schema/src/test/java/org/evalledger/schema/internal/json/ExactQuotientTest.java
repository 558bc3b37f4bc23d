package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader's fast path for fractional literals gives exactly the double Java's full parser gives,
 * bit for bit (so -0.0 too), or declines.
 */
class ExactQuotientTest {

    private static int taken;

    private static void check(String literal) {
        double fast = StrictJsonReader.exactQuotient(literal.getBytes(StandardCharsets.US_ASCII), 0, literal.length());
        if (!Double.isNaN(fast)) {
            taken++;
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)), Double.doubleToRawLongBits(fast), literal);
        }
    }

    @Test
    void agreesWithJavasParserOnTheTextOfRandomDoublesAndRandomLiterals() {
        SplittableRandom random = new SplittableRandom(53);
        taken = 0;
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                check(Jcs.formatNumber(d));
                check(Double.toString(d));
            }
            double p = random.nextDouble();
            check(Jcs.formatNumber(p));
            check(Jcs.formatNumber(p * Math.pow(10, random.nextInt(-30, 30))));
            int k = random.nextInt(1, 20_000);
            int n = random.nextInt(k, 20_001);
            check(Jcs.formatNumber((double) k / n));
            check(Jcs.formatNumber(Math.sqrt((double) k / n * (1 - (double) k / n) / n)));
            check(randomLiteral(random));
        }
        assertTrue(taken > 300_000, "the fast path was taken only " + taken + " times");
    }

    @Test
    void edgesOfTheFastPath() {
        List<String> literals = new ArrayList<>(List.of("0.0", "-0.0", "-0.0e5", "0e-400", "9007199254740992.0", "9007199254740993.0",
                "9007199254740991e22", "9007199254740991e-22", "1e22", "1e23", "1e-22", "1e-23", "123456789012345678.9",
                "1234567890123456789.0", "0.1", "0.3", "2.5e-324", "1.7976931348623157e308", "4.35", "0.1e1", "1E+2", "1.5E-3",
                "0.00000000000000000000001", "100000000000000000000000.0", "-1.0000000000000002", "0.57088703563305530"));
        for (String literal : literals) {
            check(literal);
        }
    }

    private static String randomLiteral(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) {
            sb.append('-');
        }
        int intDigits = r.nextInt(1, 12);
        sb.append(r.nextInt(1, 10));
        for (int i = 1; i < intDigits; i++) {
            sb.append(r.nextInt(10));
        }
        sb.append('.');
        int fracDigits = r.nextInt(1, 14);
        for (int i = 0; i < fracDigits; i++) {
            sb.append(r.nextInt(10));
        }
        if (r.nextBoolean()) {
            sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "").append(r.nextInt(0, 30));
        }
        return sb.toString();
    }
}
