package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Fixed} against {@code String.format} itself, at every supported precision, with and without {@code +}. */
class FixedTest {

    private static void assertSameAsFormatter(double v) {
        for (int decimals = 0; decimals <= 4; decimals++) {
            assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", v), Fixed.format(v, decimals),
                    () -> "%.Nf of " + v + " (bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
            assertEquals(String.format(Locale.ROOT, "%+." + decimals + "f", v), Fixed.format(v, decimals, true),
                    () -> "%+.Nf of " + v + " (bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
        }
    }

    @Test
    void handPickedValuesAsTheFormatterWritesThem() {
        List<Double> values = List.of(0.0, -0.0, 0.125, -0.125, 0.005, -0.005, 2.675, -2.675, 1.005, 0.045, 4.35, 0.5, 1.5,
                2.5, -0.5, -2.5, 0.05, 0.95, 0.995, 99.995, 99.99499999999999, 100.0, -100.0, 0.001, -0.001, -0.004, -0.0049,
                0.00049, 0.0005, 0.00005, 0.000049999, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, 999_999.995, 9_999_999.995, 99_999_999.95, 999_999_999.5, 1e9, 1e9 - 0.5, 1e9 + 0.5,
                123_456_789.125, 4.503599627370496E15, 9.007199254740993E15, 1e17, 1e23, 2e23, Double.MAX_VALUE,
                -Double.MAX_VALUE, Long.MAX_VALUE / 10.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Math.nextUp(0.125), Math.nextDown(0.125), Math.nextUp(2.5), Math.nextDown(2.5), Math.nextUp(-0.005),
                Math.nextDown(-0.005), 1.0 / 3, 2.0 / 3, -2.0 / 3, 87.46, 45.3, 0.8746, 33.33333333333333, 66.66666666666667);
        for (double v : values) {
            assertSameAsFormatter(v);
        }
    }

    /** Every double there is, NaNs, infinities and subnormals included, by its bits. */
    @Property(tries = 3000)
    void anyBitPattern(@ForAll long bits) {
        assertSameAsFormatter(Double.longBitsToDouble(bits));
    }

    @Provide
    Arbitrary<Double> ranged() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1, 1).ofScale(18),
                Arbitraries.doubles().between(-110, 110).ofScale(15),
                Arbitraries.doubles().between(-1e4, 1e4).ofScale(12),
                Arbitraries.doubles().between(-2e9, 2e9).ofScale(6),
                Arbitraries.doubles().between(-1e16, 1e16).ofScale(2));
    }

    /** Random doubles in the ranges scores, gaps and z values fall in, and beyond the fast path's limit. */
    @Property(tries = 5000)
    void doublesInRanges(@ForAll("ranged") double v) {
        assertSameAsFormatter(v);
    }

    @Provide
    Arbitrary<Double> nearTies() {
        Arbitrary<Long> k = Arbitraries.oneOf(Arbitraries.longs().between(-1_000, 1_000),
                Arbitraries.longs().between(-2_000_000_000_000L, 2_000_000_000_000L));
        Arbitrary<Integer> exponent = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> ulps = Arbitraries.integers().between(-4, 4);
        // k·10^-e + 5·10^-(e+1): a tie at e decimals (as written in decimal), then moved a few ulps either way
        return Combinators.combine(k, exponent, ulps).as((kk, e, u) -> {
            double v = Double.parseDouble(kk + "5E-" + e);
            for (int i = 0; i < Math.abs(u); i++) {
                v = u > 0 ? Math.nextUp(v) : Math.nextDown(v);
            }
            return v;
        });
    }

    /** Values at and next to rounding ties, where the Formatter's half-up on the decimal digits decides. */
    @Property(tries = 5000)
    void doublesAtAndNearTies(@ForAll("nearTies") double v) {
        assertSameAsFormatter(v);
    }

    @Provide
    Arbitrary<Double> ratios() {
        return Combinators.combine(Arbitraries.longs().between(0, 20_000), Arbitraries.longs().between(1, 20_000),
                Arbitraries.of(1.0, 100.0, -1.0, -100.0)).as((k, n, full) -> full * k / n);
    }

    /** k/n scores as proportions and percentages, the values R2 and the messages print. */
    @Property(tries = 3000)
    void ratiosOfItemCounts(@ForAll("ratios") double v) {
        assertSameAsFormatter(v);
    }
}
