package org.evalledger.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The rolling median and MAD equal {@link Stats#median} and {@link Stats#mad} of the values held,
 * bit for bit, after every insertion and removal.
 */
class RollingMedianMadTest {

    /** Checks the multiset against the straightforward computation on a copy of what it holds. */
    private static void assertSameAsStats(RollingMedianMad rolling, List<Double> held) {
        double[] v = held.stream().mapToDouble(Double::doubleValue).toArray();
        double median = Stats.median(v);
        assertEquals(v.length, rolling.size());
        assertEquals(Double.doubleToLongBits(median), Double.doubleToLongBits(rolling.median()), () -> "median of " + held);
        assertEquals(Double.doubleToLongBits(Stats.mad(v, v.length, median)), Double.doubleToLongBits(rolling.mad()),
                () -> "MAD of " + held);
    }

    @Test
    void theTextbookExampleAndAnEmptySet() {
        double[] v = {1, 1, 2, 2, 4, 6, 9};
        RollingMedianMad r = new RollingMedianMad(v);
        assertTrue(Double.isNaN(r.median()));
        assertTrue(Double.isNaN(r.mad()));
        for (double x : v) {
            r.add(r.rank(x));
        }
        assertEquals(2, r.median());
        assertEquals(1, r.mad());
        r.remove(r.rank(9)); // (1, 1, 2, 2, 4, 6): median 2, deviations (1, 1, 0, 0, 2, 4), MAD 1
        assertEquals(2, r.median());
        assertEquals(1, r.mad());
    }

    @Test
    void refusesValuesOutsideItsUniverseAndRemovingWhatItDoesNotHold() {
        RollingMedianMad r = new RollingMedianMad(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> r.rank(3));
        assertThrows(IllegalStateException.class, () -> r.remove(r.rank(1)));
    }

    /** A window sliding over a column, as S1's sweep moves it: values enter at one end and leave at the other. */
    @Property(tries = 300)
    void aSlidingWindowMatchesStatsAtEveryStep(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int length,
            @ForAll @IntRange(min = 1, max = 40) int width, @ForAll @IntRange(min = 1, max = 1000) int distinct) {
        Random random = new Random(seed);
        double[] column = new double[length];
        for (int i = 0; i < length; i++) {
            // few distinct values make ties; many make a sparse universe with long gaps between held values
            column[i] = random.nextInt(distinct) * 0.37 + (random.nextBoolean() ? 0 : 1e-9 * random.nextInt(3));
        }
        RollingMedianMad rolling = new RollingMedianMad(column);
        List<Double> held = new ArrayList<>();
        int from = 0;
        int to = 0;
        while (from < length) {
            if (to < length && (to - from < width || random.nextInt(4) == 0)) {
                rolling.add(rolling.rank(column[to]));
                held.add(column[to++]);
            } else {
                rolling.remove(rolling.rank(column[from]));
                held.remove(Double.valueOf(column[from++]));
            }
            assertSameAsStats(rolling, held);
        }
    }

    /** Any order of insertions and removals, including taking out and putting back a few values (S1's own rows). */
    @Property(tries = 300)
    void anySequenceOfUpdatesMatchesStats(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int distinct,
            @ForAll @IntRange(min = 1, max = 300) int steps) {
        Random random = new Random(seed);
        double[] universe = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            universe[i] = Math.round(random.nextGaussian() * 2000) / 100.0;
        }
        RollingMedianMad rolling = new RollingMedianMad(universe);
        List<Double> held = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            if (held.isEmpty() || random.nextInt(3) > 0) {
                double x = universe[random.nextInt(distinct)];
                rolling.add(rolling.rank(x));
                held.add(x);
            } else {
                Double x = held.get(random.nextInt(held.size()));
                rolling.remove(rolling.rank(x));
                held.remove(x);
            }
            assertSameAsStats(rolling, held);
        }
    }
}
