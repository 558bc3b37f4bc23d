package org.evalledger.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Worked examples for the hand-written robust statistics. */
class StatsTest {

    @Test
    void medianOfOddAndEvenCountsAndOfNothing() {
        assertEquals(2, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertEquals(5, Stats.median(new double[] {5}));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void medianLeavesItsArgumentAlone() {
        double[] v = {9, 1, 5, 3};
        Stats.median(v);
        assertArrayEquals(new double[] {9, 1, 5, 3}, v);
    }

    @Test
    void medianOfManyTiesAndUnsortedRuns() {
        double[] v = new double[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 13; // values 0..12 in a scrambled order, many ties
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(sorted[500], Stats.median(v));
    }

    @Test
    void madOfTheTextbookExample() {
        // (1, 1, 2, 2, 4, 6, 9): median 2, absolute deviations (1, 1, 0, 0, 2, 4, 7), MAD 1
        double[] v = {1, 1, 2, 2, 4, 6, 9};
        double med = Stats.median(v);
        assertEquals(2, med);
        assertEquals(1, Stats.mad(v, v.length, med));
    }

    @Test
    void modifiedZOfIglewiczAndHoaglin() {
        // the 9 of the example above: 0.6745 * (9 - 2) / 1
        assertEquals(4.7215, Stats.modifiedZ(9, 2, 1), 1e-12);
        assertEquals(0, Stats.modifiedZ(2, 2, 1));
    }

    @Test
    void logitAndLogisticAreInverses() {
        assertEquals(0, Stats.logit(0.5));
        assertEquals(Math.log(3), Stats.logit(0.75), 1e-15);
        assertEquals(0.75, Stats.logistic(Math.log(3)), 1e-15);
    }

    @Test
    void binomialStandardError() {
        assertEquals(0.05, Stats.binomialSe(0.5, 100), 1e-15);
        // Winogrande's chance 0.5 over 1,267 items: SE0 = 1.40 points
        assertEquals(1.4047, 100 * Stats.binomialSe(0.5, 1267), 1e-4);
    }
}
