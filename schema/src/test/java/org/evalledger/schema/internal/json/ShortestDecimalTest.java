package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The integer-only shortest-digits method against an exact search with {@link BigDecimal} (the
 * definition of RFC 8785 §3.2.2.3 written out directly), over hundreds of thousands of doubles:
 * random bit patterns of every exponent, the values evaluation records hold (k/n scores and their
 * standard errors), and the edges (powers of two and ten, their neighbours, the extremes).
 */
class ShortestDecimalTest {

    @Test
    void theLogarithmHelpersAreExactOverEveryExponentADoubleCanHave() {
        for (int q = -1200; q <= 1200; q++) {
            BigDecimal twoQ = q >= 0 ? new BigDecimal(java.math.BigInteger.TWO.pow(q))
                    : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-q)));
            assertEquals(floorLog10(twoQ), ShortestDecimal.floorLog10Pow2(q), "floor(log10(2^" + q + "))");
            assertEquals(floorLog10(twoQ.multiply(new BigDecimal("0.75"))), ShortestDecimal.floorLog10ThreeQuartersPow2(q),
                    "floor(log10(3/4 * 2^" + q + "))");
        }
        for (int e = -400; e <= 400; e++) {
            int expected = e >= 0 ? java.math.BigInteger.TEN.pow(e).bitLength() - 1
                    : -java.math.BigInteger.TEN.pow(-e).subtract(java.math.BigInteger.ONE).bitLength();
            assertEquals(expected, ShortestDecimal.floorLog2Pow10(e), "floor(log2(10^" + e + "))");
        }
    }

    @Test
    void randomBitPatternsOfEveryExponentGiveTheShortestClosestDecimal() {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (Double.isFinite(d) && d >= Double.MIN_NORMAL) {
                check(d);
            }
        }
    }

    @Test
    void theValuesEvaluationRecordsHoldGiveTheShortestClosestDecimal() {
        for (int n = 1; n <= 1000; n++) {
            for (int k = 1; k < n; k += Math.max(1, n / 50)) {
                double p = (double) k / n;
                check(p);
                check(100.0 * k / n);
                check(Math.sqrt(p * (1 - p) / Math.max(1, n - 1)));
            }
        }
    }

    @Test
    void powersOfTwoAndTenTheirNeighboursAndTheExtremes() {
        List<Double> edges = new ArrayList<>(List.of(Double.MIN_NORMAL, Double.MAX_VALUE, 1e23, 9.007199254740993e15,
                0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 5e-324 * (1L << 52), 123456789012345680.0, 4.35, 0.000001, 1e21, 1e-7));
        for (int e = -1022; e <= 1023; e++) {
            edges.add(Math.scalb(1.0, e));
        }
        for (int e = -307; e <= 308; e++) {
            edges.add(Double.parseDouble("1e" + e));
            edges.add(Double.parseDouble("9.999999999999999e" + e));
        }
        for (double d : edges) {
            if (!Double.isFinite(d)) {
                continue; // 9.999999999999999e308 reads as infinity
            }
            check(d);
            if (Math.nextUp(d) < Double.POSITIVE_INFINITY) {
                check(Math.nextUp(d));
            }
            if (Math.nextDown(d) >= Double.MIN_NORMAL) {
                check(Math.nextDown(d));
            }
        }
    }

    private static void check(double d) {
        int[] exp = new int[1];
        long f = ShortestDecimal.digits(d, exp);
        BigDecimal got = BigDecimal.valueOf(f, -exp[0]).stripTrailingZeros();
        BigDecimal expected = shortest(d);
        assertEquals(expected.unscaledValue() + "e" + (-expected.scale()), got.unscaledValue() + "e" + (-got.scale()),
                () -> "shortest decimal of " + d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")");
    }

    private static int floorLog10(BigDecimal x) {
        // x = unscaled * 10^-scale; floor(log10) = digits of unscaled - 1 - scale
        return x.precision() - 1 - x.scale();
    }

    /** The definition: the fewest digits that read back as d; of those the closest; ties to even. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = Double.parseDouble(down.toString()) == d;
            boolean upOk = Double.parseDouble(up.toString()) == d;
            if (downOk && upOk && down.compareTo(up) != 0) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                BigDecimal pick = cmp < 0 ? down : cmp > 0 ? up : down.unscaledValue().testBit(0) ? up : down;
                return pick.stripTrailingZeros();
            }
            if (downOk || upOk) {
                return (downOk ? down : up).stripTrailingZeros();
            }
        }
        throw new AssertionError("17 digits always read back: " + d);
    }
}
