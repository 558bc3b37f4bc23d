package org.evalledger.anomaly.internal;

import java.util.Arrays;

/**
 * A multiset of values drawn from a fixed universe, kept as counts per distinct value, that gives
 * the median and the MAD of what it holds after every insertion or removal, bit for bit equal to
 * {@link Stats#median(double[], int)} and {@link Stats#mad(double[], int, double)} of the same
 * values. Meant for a window sliding over sorted data: each update moves a few cursors (positions
 * in the sorted multiset) a few steps instead of selecting again.
 *
 * <p>With the values sorted as s[0..n), the median is s[n/2] (odd n) or (s[n/2−1] + s[n/2])/2. The
 * MAD is the median of the distances |s[i] − m|; its t-th smallest distance D_t is the smallest
 * "largest distance" of t+1 consecutive values: min over a of max(m − s[a], s[a+t] − m). The first
 * term falls and the second rises with a, so the minimum sits where they cross; one cursor pair
 * (a, a+t) per needed t keeps that crossing, which moves little from one update to the next.
 *
 * <p>Not thread-safe: a working object of one sweep.
 */
public final class RollingMedianMad {
    private final double[] values;
    private final int[] count;
    private final long[] nonEmpty;
    private int size;
    private final Cursor mid = new Cursor();
    /** Cursor pairs (a, a + t) for t = n/2 − 1 and t = n/2. */
    private final Cursor lowA = new Cursor();
    private final Cursor lowB = new Cursor();
    private final Cursor highA = new Cursor();
    private final Cursor highB = new Cursor();
    private final Cursor[] all = {mid, lowA, lowB, highA, highB};

    /** A position in the sorted multiset: index, the distinct value's rank, and which copy of it. */
    private static final class Cursor {
        int index;
        int rank = -1;
        int copy;
    }

    /**
     * An empty multiset that may hold any of these values.
     *
     * @param universe every value that will be added (duplicates and any order allowed; no NaN)
     */
    public RollingMedianMad(double[] universe) {
        double[] v = universe.clone();
        Arrays.sort(v);
        int d = 0;
        for (int i = 0; i < v.length; i++) {
            if (d == 0 || Double.compare(v[i], v[d - 1]) != 0) {
                v[d++] = v[i];
            }
        }
        values = Arrays.copyOf(v, d);
        count = new int[d];
        nonEmpty = new long[(d + 63) >>> 6];
    }

    /** The rank of a value of the universe, for {@link #add(int)} and {@link #remove(int)}. */
    public int rank(double value) {
        int r = Arrays.binarySearch(values, value);
        if (r < 0 || Double.compare(values[r], value) != 0) {
            throw new IllegalArgumentException(value + " is not in the universe");
        }
        return r;
    }

    /** Number of values held. */
    public int size() {
        return size;
    }

    /** Adds one copy of the value of this rank. */
    public void add(int rank) {
        if (count[rank]++ == 0) {
            nonEmpty[rank >>> 6] |= 1L << rank;
        }
        size++;
        for (Cursor c : all) {
            // a new copy goes after the copies already there, so only cursors above its rank shift
            if (c.rank > rank) {
                c.index++;
            }
        }
    }

    /** Removes one copy of the value of this rank. */
    public void remove(int rank) {
        if (count[rank] == 0) {
            throw new IllegalStateException("no value of rank " + rank + " is held");
        }
        int left = --count[rank];
        if (left == 0) {
            nonEmpty[rank >>> 6] &= ~(1L << rank);
        }
        size--;
        for (Cursor c : all) {
            // the last copy goes: cursors above shift down; one on that copy now sits on the next value
            if (c.rank > rank) {
                c.index--;
            } else if (c.rank == rank && c.copy >= left) {
                c.rank = nextNonEmpty(rank + 1);
                c.copy = 0;
            }
        }
    }

    /** The median of the values held, as {@link Stats#median(double[], int)}; NaN when empty. */
    public double median() {
        if (size == 0) {
            return Double.NaN;
        }
        seek(mid, size / 2);
        double hi = values[mid.rank];
        return size % 2 == 1 ? hi : (valueBefore(mid) + hi) / 2;
    }

    /** The MAD around {@link #median()}, as {@link Stats#mad(double[], int, double)}; NaN when empty. */
    public double mad() {
        if (size == 0) {
            return Double.NaN;
        }
        double m = median();
        double hi = distance(highA, highB, size / 2, m);
        return size % 2 == 1 ? hi : (distance(lowA, lowB, size / 2 - 1, m) + hi) / 2;
    }

    /** D_t: the t-th smallest (from 0) of the distances |s[i] − m|, with the cursor pair (a, a + t). */
    private double distance(Cursor a, Cursor b, int t, double m) {
        int last = size - 1 - t;
        int start = a.rank < 0 ? 0 : Math.max(0, Math.min(a.index, last));
        seek(a, start);
        seek(b, start + t);
        while (a.index > 0 && crossed(valueBefore(a), valueBefore(b), m)) {
            step(a, -1);
            step(b, -1);
        }
        while (a.index < last && !crossed(values[a.rank], values[b.rank], m)) {
            step(a, 1);
            step(b, 1);
        }
        double left = values[a.rank];
        double right = values[b.rank];
        if (!crossed(left, right, m)) {
            return m - left; // the last pair is still left-heavy: its left distance is the answer
        }
        double best = right - m;
        return a.index > 0 ? Math.min(best, m - valueBefore(a)) : best;
    }

    /** Whether m − left ≤ right − m: the pair's right distance has caught up with its left one. */
    private static boolean crossed(double left, double right, double m) {
        return m - left <= right - m;
    }

    private double valueBefore(Cursor c) {
        return c.copy > 0 ? values[c.rank] : values[previousNonEmpty(c.rank - 1)];
    }

    /** Moves a cursor to an index, walking from where it is (or from the first value when it has no place yet). */
    private void seek(Cursor c, int index) {
        if (c.rank < 0 || c.rank >= values.length || c.index < 0 || c.index >= size) {
            c.index = 0;
            c.rank = nextNonEmpty(0);
            c.copy = 0;
        }
        while (c.index < index) {
            step(c, 1);
        }
        while (c.index > index) {
            step(c, -1);
        }
    }

    private void step(Cursor c, int direction) {
        if (direction > 0) {
            if (c.copy + 1 < count[c.rank]) {
                c.copy++;
            } else {
                c.rank = nextNonEmpty(c.rank + 1);
                c.copy = 0;
            }
            c.index++;
        } else {
            if (c.copy > 0) {
                c.copy--;
            } else {
                c.rank = previousNonEmpty(c.rank - 1);
                c.copy = count[c.rank] - 1;
            }
            c.index--;
        }
    }

    /** The first rank at or above r that holds a value; the number of ranks when none. */
    private int nextNonEmpty(int r) {
        if (r >= values.length) {
            return values.length;
        }
        int w = r >>> 6;
        long bits = nonEmpty[w] & (-1L << r);
        while (bits == 0) {
            if (++w == nonEmpty.length) {
                return values.length;
            }
            bits = nonEmpty[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The last rank at or below r that holds a value; -1 when none. */
    private int previousNonEmpty(int r) {
        if (r < 0) {
            return -1;
        }
        int w = r >>> 6;
        long bits = nonEmpty[w] & (-1L >>> (63 - (r & 63)));
        while (bits == 0) {
            if (--w < 0) {
                return -1;
            }
            bits = nonEmpty[w];
        }
        return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }
}
