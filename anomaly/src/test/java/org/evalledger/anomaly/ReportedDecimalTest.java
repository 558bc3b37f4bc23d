package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link ReportedDecimal} against the BigDecimal expressions it replaces (kept here as the oracle). */
class ReportedDecimalTest {

    /** The former {@code AttainableCheck.decimals}. */
    private static int decimalsOracle(double v) {
        return Math.max(0, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale());
    }

    /** The former value part of {@code CopyCheck.key}, with the shift of 2 a proportion gets. */
    private static String plainOracle(double v, int shift) {
        BigDecimal d = new BigDecimal(Double.toString(v));
        if (shift != 0) {
            d = d.movePointRight(shift);
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static void assertSameAsBigDecimal(double v) {
        String text = Double.toString(v);
        assertEquals(decimalsOracle(v), ReportedDecimal.decimals(v), () -> "decimals of " + text);
        assertEquals(plainOracle(v, 0), ReportedDecimal.plain(v, 0), () -> "plain of " + text);
        assertEquals(plainOracle(v, 2), ReportedDecimal.plain(v, 2), () -> "plain·100 of " + text);
    }

    @Test
    void handPickedValues() {
        List<Double> values = List.of(0.0, -0.0, 1.0, -1.0, 100.0, 120.0, 45.3, 45.30, 87.46, 0.8746, 0.5, 0.05, 0.005,
                0.001, 0.0012, 9.99e-4, 1.0E-5, -1.0E-5, 1.5E-10, 1e7, 9_999_999.0, 1.0E7 + 0.5, 1.234567E7, 1e21, 1e22,
                1e23, 2e23, 1.0E100, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
                1.0 / 3, 2.0 / 3, 0.1 + 0.2, 166.0 / 1324, 100.0 * 166 / 1324, 12345.678, 0.01, 0.1, 10.0, 1000.0);
        for (double v : values) {
            assertSameAsBigDecimal(v);
        }
    }

    /**
     * decimals remembers recent values in a small table: a value seen before (the table's hit), and
     * values that displace each other from it (20,000 values over a table of 4,096 slots, twice, in
     * two orders), still give the oracle's answer.
     */
    @Test
    void rememberedValuesGiveTheSameAnswer() {
        java.util.Random r = new java.util.Random(11);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Math.round(r.nextDouble() * 1e5) / 1e5 : r.nextDouble() * Math.pow(10, r.nextInt(12) - 6);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < values.length; i++) {
                double v = values[pass == 0 ? i : values.length - 1 - i];
                assertEquals(decimalsOracle(v), ReportedDecimal.decimals(v), () -> "decimals of " + v);
                assertEquals(decimalsOracle(v), ReportedDecimal.decimals(v), () -> "decimals of " + v + ", asked again");
            }
        }
    }

    @Test
    void rejectsWhatBigDecimalRejects() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(NumberFormatException.class, () -> new BigDecimal(Double.toString(v)));
            assertThrows(NumberFormatException.class, () -> ReportedDecimal.decimals(v));
            assertThrows(NumberFormatException.class, () -> ReportedDecimal.plain(v, 2));
        }
    }

    /** Every finite double, by its bits: both notations of Double.toString, subnormals, huge values. */
    @Property(tries = 5000)
    void anyFiniteBitPattern(@ForAll long bits) {
        double v = Double.longBitsToDouble(bits);
        Assume.that(Double.isFinite(v));
        assertSameAsBigDecimal(v);
    }

    @Provide
    Arbitrary<Double> reported() {
        // k·10^-d: a score as a leaderboard reports it, in or around the 0–1 and 0–100 scales,
        // near the switches of Double.toString to E notation (below 10^-3, from 10^7)
        Arbitrary<Long> k = Arbitraries.oneOf(Arbitraries.longs().between(-100, 100), Arbitraries.longs().between(-100_000, 100_000),
                Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L));
        return Combinators.combine(k, Arbitraries.integers().between(-3, 12)).as((kk, d) -> Double.parseDouble(kk + "E" + -d));
    }

    @Property(tries = 5000)
    void reportedScores(@ForAll("reported") double v) {
        assertSameAsBigDecimal(v);
    }

    @Provide
    Arbitrary<Double> computed() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1, 1).ofScale(18), Arbitraries.doubles().between(-200, 200).ofScale(15),
                Combinators.combine(Arbitraries.longs().between(0, 20_000), Arbitraries.longs().between(1, 20_000))
                        .as((a, b) -> 100.0 * a / b));
    }

    /** Values with all 15–17 digits, as computed scores are. */
    @Property(tries = 5000)
    void computedScores(@ForAll("computed") double v) {
        assertSameAsBigDecimal(v);
    }
}
