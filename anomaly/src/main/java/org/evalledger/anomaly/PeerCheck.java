package org.evalledger.anomaly;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.anomaly.internal.RollingMedianMad;
import org.evalledger.anomaly.internal.Stats;

/**
 * S1: peers are the population's models (other model ids, not broken runs) whose
 * log10(parameters) lies within ±0.15 of the candidate's; the candidate's modified z
 * 0.6745·(x − median)/MAD against them (MAD floored at 0.5 points) above 3.5 on the inflation side
 * is flagged. Needs at least 8 peers and a parameter count on both sides. Immutable after
 * construction and thread-safe.
 */
final class PeerCheck {
    /** Per benchmark: the population's sized models sorted by log10(parameters), with its window statistics. */
    private final Map<String, Column> columns = new HashMap<>();
    /** Per model id of a sized, non-broken row: the population rows of that id. */
    private final Map<String, int[]> rowsById = new HashMap<>();
    private final double window;

    /** Median, MAD and count of one window of one benchmark's column. */
    private record WindowStats(double median, double mad, int n) {
        static final WindowStats NONE = new WindowStats(Double.NaN, Double.NaN, 0);
    }

    /**
     * Where a column's rows sit, sorted by log10(parameters), and the windows a sweep over them passes:
     * one object shared by every column that holds all sized rows (the usual case), so that a
     * candidate's window is found once for all of them.
     */
    private static final class Layout {
        final double[] logSize;
        final String[] modelIds;
        /** Column position of each population row, -1 when the row is not in the column. */
        final int[] positionOfRow;
        /** Windows in sweep order: firstWindow[f] is the index of the first window starting at f, whose end is firstTo[f]. */
        final int[] firstWindow;
        final int[] firstTo;
        /** How many columns share this layout. */
        final int width;
        /**
         * Per sweep window i and sharing column c: the window's median at 2(i·width + c), its MAD
         * next to it: the statistics of one window for all columns of the layout lie together.
         */
        final double[] windowStats;
        /** Every {@value #STEP}th log size: a search reads this small array first, then one block of logSize. */
        private final double[] sampled;
        private static final int STEP = 64;

        Layout(double[] logSize, String[] modelIds, int[] rowAt, int rows, int width) {
            this.logSize = logSize;
            this.modelIds = modelIds;
            this.width = width;
            int n = logSize.length;
            windowStats = new double[2 * (2 * n + 1) * width];
            sampled = new double[(n + STEP - 1) / STEP];
            for (int b = 0; b < sampled.length; b++) {
                sampled[b] = logSize[b * STEP];
            }
            positionOfRow = new int[rows];
            Arrays.fill(positionOfRow, -1);
            for (int k = 0; k < n; k++) {
                positionOfRow[rowAt[k]] = k;
            }
            firstWindow = new int[n + 1];
            firstTo = new int[n + 1];
        }

        /** The first position whose log size is at least key (strictly above it when {@code above}): {@link #lowerBound} or {@link #upperBound} of logSize. */
        int bound(double key, boolean above) {
            int b = above ? upperBound(sampled, 0, sampled.length, key) : lowerBound(sampled, 0, sampled.length, key);
            if (b == 0) {
                return 0; // logSize[0] is past the key already
            }
            // logSize[(b − 1)·STEP] is not past the key, logSize[b·STEP] (when there is one) is: the answer lies between
            int from = (b - 1) * STEP + 1;
            int to = Math.min(logSize.length, b * STEP);
            return above ? upperBound(logSize, from, to, key) : lowerBound(logSize, from, to, key);
        }

        /** The sweep index of the window [from, to), or -1 when the sweep did not pass it. */
        int window(int from, int to) {
            if (from >= firstWindow.length) {
                return -1;
            }
            int end = from + 1 < firstWindow.length ? firstTo[from + 1] : logSize.length;
            if (to < firstTo[from] || to > end) {
                return -1;
            }
            return firstWindow[from] + (to - firstTo[from]);
        }
    }

    /**
     * One benchmark's column and the exact statistics of every window a candidate can ask for,
     * computed at fit by one sweep: as log10(parameters) grows, the window [from, to) of rows within
     * ±window moves through at most 2n + 1 distinct (from, to) pairs, in order, from and to each
     * only growing. For each pair its median and MAD; for each row, the median and MAD of its own
     * window without the rows of its model id (a population row checked against the population).
     */
    private static final class Column {
        final Layout layout;
        /** This column's place among the columns of its layout. */
        final int slot;
        final double[] points;
        /** Per position k: the median (3k), MAD (3k + 1) and count (3k + 2, -1 when not computed) of its own window without its model id's rows. */
        final double[] own;

        Column(Layout layout, int slot, double[] points, int[] rowAt, int[][] rowsOfId, double w) {
            this.layout = layout;
            this.slot = slot;
            this.points = points;
            double[] windowStats = layout.windowStats;
            int width = layout.width;
            double[] logSize = layout.logSize;
            int[] firstWindow = layout.firstWindow; // the same for every column of this layout: written again, unchanged
            int[] firstTo = layout.firstTo;
            int n = logSize.length;
            own = new double[3 * n];
            for (int k = 0; k < n; k++) {
                own[3 * k + 2] = -1;
            }
            RollingMedianMad held = new RollingMedianMad(points);
            int[] rank = new int[n];
            for (int k = 0; k < n; k++) {
                rank[k] = held.rank(points[k]);
            }
            int from = 0;
            int to = 0;
            int next = 0; // the next position whose own window is still to come
            long nextBounds = n == 0 ? 0 : bounds(logSize, logSize[0], w);
            firstWindow[0] = 0;
            firstTo[0] = 0;
            // per model id with several rows: the window its own statistics were last taken in, and
            // where; its other rows in the same window have the same ones (a table listing one id many
            // times at one size would otherwise take its rows out and put them back once per row)
            java.util.IdentityHashMap<int[], long[]> lastOwn = new java.util.IdentityHashMap<>();
            for (int state = 0; ; state++) {
                windowStats[2 * (state * width + slot)] = held.median();
                windowStats[2 * (state * width + slot) + 1] = held.mad();
                while (next < n && before(nextBounds, from, to)) {
                    // its own window is not one the sweep passes (rounding): left to the exact path
                    nextBounds = ++next < n ? bounds(logSize, logSize[next], w) : 0;
                }
                while (next < n && same(nextBounds, from, to)) {
                    own(next, from, to, held, rank, rowsOfId[rowAt[next]], lastOwn);
                    nextBounds = ++next < n ? bounds(logSize, logSize[next], w) : 0;
                }
                if (from == n) {
                    break;
                }
                // the next event: the window's end takes in row `to` when l + w reaches logSize[to],
                // its start lets go of row `from` when l − w passes logSize[from]
                if (to < n && logSize[to] - w <= logSize[from] + w) {
                    held.add(rank[to++]);
                } else {
                    held.remove(rank[from++]);
                    firstWindow[from] = state + 1;
                    firstTo[from] = to;
                }
            }
        }

        private void keep(int k, RollingMedianMad held) {
            own[3 * k] = held.median();
            own[3 * k + 1] = held.mad();
            own[3 * k + 2] = held.size();
        }

        private void own(int k, int from, int to, RollingMedianMad held, int[] rank, int[] same,
                java.util.IdentityHashMap<int[], long[]> lastOwn) {
            if (same.length == 1 && k >= from && k < to) { // only the row itself, inside its own window
                held.remove(rank[k]);
                keep(k, held);
                held.add(rank[k]);
                return;
            }
            long window = ((long) from << 32) | to;
            long[] last = lastOwn.get(same); // {window, position whose statistics are those of this window}
            if (last != null && last[0] == window) {
                int p = (int) last[1];
                System.arraycopy(own, 3 * p, own, 3 * k, 3);
                return;
            }
            lastOwn.put(same, new long[] {window, k});
            int removed = 0;
            int[] out = new int[same.length];
            for (int r : same) {
                int p = layout.positionOfRow[r];
                if (p >= from && p < to) {
                    held.remove(rank[p]);
                    out[removed++] = p;
                }
            }
            keep(k, held);
            for (int i = 0; i < removed; i++) {
                held.add(rank[out[i]]);
            }
        }
    }

    /**
     * A candidate's window in the last layout it was looked up in: the columns that share a layout
     * share the candidate's window, found once. Not thread-safe: one per candidate.
     */
    private static final class Window {
        @org.jspecify.annotations.Nullable Layout layout;
        int from;
        int to;
        /** The sweep index of [from, to), -1 when the sweep did not pass it. */
        int index;
    }

    /** The window [from, to) of a sorted column for a candidate of log10 size l: rows within ±w. */
    private static long bounds(double[] logSize, double l, double w) {
        return ((long) lowerBound(logSize, l - w) << 32) | upperBound(logSize, l + w);
    }

    private static boolean same(long bounds, int from, int to) {
        return bounds == (((long) from << 32) | to);
    }

    private static boolean before(long bounds, int from, int to) {
        return bounds < (((long) from << 32) | to);
    }

    PeerCheck(List<ModelScores> models, boolean[] excluded, double window) {
        this.window = window;
        // every sized, non-broken row once, ordered by (log10 size, row): each column takes its rows in this order
        double[] rowLogSize = new double[models.size()];
        List<Integer> sized = new java.util.ArrayList<>();
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelScores m = models.get(i);
            if (excluded[i] || !m.hasSize()) {
                continue;
            }
            rowLogSize[i] = logSize(m);
            sized.add(i);
            byId.computeIfAbsent(m.modelId(), k -> new java.util.ArrayList<>(1)).add(i);
        }
        int[][] rowsOfId = new int[models.size()][]; // per sized, non-broken row: the rows of its model id
        byId.forEach((id, l) -> {
            int[] same = l.stream().mapToInt(Integer::intValue).toArray();
            rowsById.put(id, same);
            for (int r : same) {
                rowsOfId[r] = same;
            }
        });
        Integer[] order = sized.toArray(new Integer[0]);
        Arrays.sort(order, (x, y) -> Double.compare(rowLogSize[x], rowLogSize[y])); // stable: ties keep row order
        // one pass over the rows in their own order (no lookups per column): each benchmark's points by row
        Map<String, double[]> pointsByRow = new HashMap<>();
        Map<String, int[]> countOf = new HashMap<>();
        for (int i : sized) {
            for (Map.Entry<String, Score> e : models.get(i).scores().entrySet()) {
                double[] col = pointsByRow.computeIfAbsent(e.getKey(), k -> {
                    double[] none = new double[models.size()];
                    Arrays.fill(none, Double.NaN); // a score is finite: NaN marks a row without this benchmark
                    return none;
                });
                col[i] = e.getValue().points();
                countOf.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
            }
        }
        int fullWidth = 0; // the columns that hold every sized row: they share one layout, built once
        for (int[] count : countOf.values()) {
            fullWidth += count[0] == order.length ? 1 : 0;
        }
        boolean share = 2L * (2L * order.length + 1) * fullWidth <= Integer.MAX_VALUE - 8; // else one array each, as for other columns
        Layout full = null;
        int fullSlots = 0;
        for (Map.Entry<String, double[]> e : pointsByRow.entrySet()) {
            double[] byRow = e.getValue();
            int n = countOf.get(e.getKey())[0];
            double[] ls = new double[n];
            double[] pts = new double[n];
            int[] rowAt = new int[n];
            int k = 0;
            for (int i : order) {
                if (!Double.isNaN(byRow[i])) {
                    ls[k] = rowLogSize[i];
                    pts[k] = byRow[i];
                    rowAt[k++] = i;
                }
            }
            Layout layout;
            int slot = 0;
            if (share && n == order.length) {
                if (full == null) {
                    full = layout(ls, rowAt, models, fullWidth);
                }
                layout = full;
                slot = fullSlots++;
            } else {
                layout = layout(ls, rowAt, models, 1);
            }
            columns.put(e.getKey(), new Column(layout, slot, pts, rowAt, rowsOfId, window));
        }
    }

    private static Layout layout(double[] logSize, int[] rowAt, List<ModelScores> models, int width) {
        String[] ids = new String[rowAt.length];
        for (int k = 0; k < rowAt.length; k++) {
            ids[k] = models.get(rowAt[k]).modelId();
        }
        return new Layout(logSize, ids, rowAt, models.size(), width);
    }

    private static double logSize(ModelScores m) {
        return Math.log10(m.parameters());
    }

    void run(Check c) {
        if (!c.model.hasSize()) {
            c.skip(DetectorId.S1, "no parameter count, so the model has no size peers");
            return;
        }
        double l = logSize(c.model);
        double w = window;
        int[] own = rowsById.get(c.model.modelId());
        Window found = new Window();
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Column col = columns.get(b);
            WindowStats st = col == null ? WindowStats.NONE : stats(col, c.model, l, own, found);
            int n = st.n();
            if (n < c.config.s1MinPeers) {
                c.skip(DetectorId.S1, () -> b + ": " + n + " peers within ±" + w + " log10(parameters), need " + c.config.s1MinPeers);
                continue;
            }
            double med = st.median();
            double mad = Math.max(st.mad(), c.config.s1MadFloor);
            double x = c.scores[k].points();
            double z = Stats.modifiedZ(x, med, mad);
            c.s1z(k, z);
            if (z > c.config.s1Z) {
                c.flag(DetectorId.S1, b, c.metric(k), x, Expected.point(med), Statistic.modifiedZ(z),
                        () -> b + " " + Check.fmt(x) + " is " + Check.fmt(x - med) + " points above the median " + Check.fmt(med)
                                + " of " + n + " models of similar size (" + size(Math.pow(10, l - w)) + "-"
                                + size(Math.pow(10, l + w)) + " parameters); modified z " + Check.z(z));
            }
        }
    }

    /**
     * Median, MAD (unfloored) and number of a candidate's S1 peers on one benchmark, as {@link #run}
     * uses them: {NaN, NaN, 0} when it has none; null when the candidate has no parameter count.
     */
    double @org.jspecify.annotations.Nullable [] peerStats(ModelScores candidate, String benchmark) {
        if (!candidate.hasSize()) {
            return null;
        }
        double l = logSize(candidate);
        Column col = columns.get(benchmark);
        if (col == null) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        WindowStats st = stats(col, candidate, l, rowsById.get(candidate.modelId()), new Window());
        return new double[] {st.median(), st.mad(), st.n()};
    }

    /**
     * The statistics of a candidate's window: looked up when the sweep computed them (a population
     * row of the same id and size; a window holding no row of the candidate's id: a model the
     * population does not hold, or a known one at a size far from its rows), else computed here.
     */
    private WindowStats stats(Column col, ModelScores candidate, double l, int @org.jspecify.annotations.Nullable [] own, Window found) {
        Layout layout = col.layout;
        int[] rows = own == null ? new int[0] : own;
        for (int r : rows) {
            int k = layout.positionOfRow[r];
            if (k >= 0 && Double.compare(layout.logSize[k], l) == 0 && col.own[3 * k + 2] >= 0) {
                return new WindowStats(col.own[3 * k], col.own[3 * k + 1], (int) col.own[3 * k + 2]);
            }
        }
        if (found.layout != layout) {
            found.layout = layout;
            found.from = layout.bound(l - window, false);
            found.to = layout.bound(l + window, true);
            found.index = layout.window(found.from, found.to);
        }
        int from = found.from;
        int to = found.to;
        for (int r : rows) {
            int k = layout.positionOfRow[r];
            if (k >= from && k < to) {
                return window(col, from, to, candidate.modelId()); // its rows sit in the window at other sizes: left out here
            }
        }
        // none of its rows is in the window (a new model id, or a known one at a size far from its rows): the table's
        int i = found.index;
        if (i < 0) {
            return window(col, from, to, null);
        }
        int at = 2 * (i * layout.width + col.slot);
        return new WindowStats(layout.windowStats[at], layout.windowStats[at + 1], to - from);
    }

    /** The statistics of rows [from, to) of a column, leaving out the rows of {@code exclude}. */
    private static WindowStats window(Column col, int from, int to, @org.jspecify.annotations.Nullable String exclude) {
        double[] peers = new double[Math.max(0, to - from)];
        int n = 0;
        String[] ids = col.layout.modelIds;
        for (int k = from; k < to; k++) {
            if (exclude == null || !ids[k].equals(exclude)) {
                peers[n++] = col.points[k];
            }
        }
        if (n == 0) {
            return new WindowStats(Double.NaN, Double.NaN, 0);
        }
        double med = Stats.medianInPlace(peers, n);
        return new WindowStats(med, Stats.mad(peers, n, med), n);
    }

    private static String size(double params) {
        return params >= 1e9 ? Fixed.format(params / 1e9, 1) + "B"
                : Fixed.format(params / 1e6, 0) + "M";
    }

    private static int lowerBound(double[] a, double key) {
        return lowerBound(a, 0, a.length, key);
    }

    /** The first position in [lo, hi) whose value is at least key; hi when none is. */
    private static int lowerBound(double[] a, int lo, int hi, double key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double key) {
        return upperBound(a, 0, a.length, key);
    }

    /** The first position in [lo, hi) whose value is above key; hi when none is. */
    private static int upperBound(double[] a, int lo, int hi, double key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
