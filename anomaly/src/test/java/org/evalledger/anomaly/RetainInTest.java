package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * D1's intersection of two ascending row lists keeps exactly the rows of the first that the second
 * holds, in order, whichever way it goes about it: lists of like length (a merge), and one list more
 * than 16 times longer than the other, either way round (a search of the longer one).
 */
class RetainInTest {
    @Property(tries = 500)
    void keepsExactlyTheCommonRowsInOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2000) int n,
            @ForAll @IntRange(min = 0, max = 2000) int m, @ForAll @IntRange(min = 1, max = 5000) int rows) {
        Random r = new Random(seed);
        int[] one = sortedDistinct(r, n, rows);
        int[] two = sortedDistinct(r, r.nextInt(4) == 0 ? Math.min(m, 3) : m, rows); // sometimes far shorter
        boolean swap = r.nextBoolean();
        int[] a = swap ? two : one;
        int[] b = swap ? one : two;
        TreeSet<Integer> inB = new TreeSet<>();
        for (int x : b) {
            inB.add(x);
        }
        int[] want = Arrays.stream(a).filter(inB::contains).toArray();
        int[] work = Arrays.copyOf(a, a.length + 3); // rows past n must be ignored
        Arrays.fill(work, a.length, work.length, -1);
        int kept = CopyCheck.retainIn(work, a.length, b);
        assertArrayEquals(want, Arrays.copyOf(work, kept), () -> Arrays.toString(a) + " ∩ " + Arrays.toString(b));
    }

    private static int[] sortedDistinct(Random r, int size, int range) {
        TreeSet<Integer> s = new TreeSet<>();
        while (s.size() < Math.min(size, range)) {
            s.add(r.nextInt(range));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
