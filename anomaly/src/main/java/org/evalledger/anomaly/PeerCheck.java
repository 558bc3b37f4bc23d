package org.evalledger.anomaly;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.anomaly.internal.Stats;

/**
 * S1: peers are the population's models (other model ids, not broken runs) whose
 * log10(parameters) lies within ±0.15 of the candidate's; the candidate's modified z
 * 0.6745·(x − median)/MAD against them (MAD floored at 0.5 points) above 3.5 on the inflation side
 * is flagged. Needs at least 8 peers and a parameter count on both sides. Immutable after
 * construction and thread-safe.
 */
final class PeerCheck {
    /** Per benchmark: the population's sized models sorted by log10(parameters). */
    private final Map<String, Column> columns = new HashMap<>();

    private record Column(double[] logSize, double[] points, String[] modelIds) {}

    /** Median, MAD and count of one window of one benchmark's column. */
    private record WindowStats(double median, double mad, int n) {}

    private record WindowKey(String benchmark, int from, int to) {}

    private static final int MAX_CACHED_WINDOWS = 200_000;

    /** Model ids of the sized, non-broken rows: a candidate that is not one of them has no own rows to leave out. */
    private final java.util.Set<String> ids = new java.util.HashSet<>();
    /** Statistics of windows that contain none of the candidate's rows, shared by all candidates of the same size. */
    private final Map<WindowKey, WindowStats> cache = new java.util.concurrent.ConcurrentHashMap<>();

    PeerCheck(List<ModelScores> models, boolean[] excluded) {
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelScores m = models.get(i);
            if (excluded[i] || !m.hasSize()) {
                continue;
            }
            ids.add(m.modelId());
            for (String b : m.scores().keySet()) {
                rows.computeIfAbsent(b, k -> new java.util.ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            Integer[] idx = e.getValue().toArray(new Integer[0]);
            Arrays.sort(idx, (a, b) -> Double.compare(logSize(models.get(a)), logSize(models.get(b))));
            double[] ls = new double[idx.length];
            double[] pts = new double[idx.length];
            String[] ids = new String[idx.length];
            for (int k = 0; k < idx.length; k++) {
                ModelScores m = models.get(idx[k]);
                ls[k] = logSize(m);
                pts[k] = m.scores().get(e.getKey()).points();
                ids[k] = m.modelId();
            }
            columns.put(e.getKey(), new Column(ls, pts, ids));
        }
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
        double w = c.config.s1Window;
        for (Map.Entry<String, Score> e : c.model.scores().entrySet()) {
            String b = e.getKey();
            Column col = columns.get(b);
            int from = col == null ? 0 : lowerBound(col.logSize, l - w);
            int to = col == null ? 0 : upperBound(col.logSize, l + w);
            WindowStats st = col == null ? new WindowStats(Double.NaN, Double.NaN, 0)
                    : ids.contains(c.model.modelId()) ? window(col, from, to, c.model.modelId())
                    : cached(b, col, from, to);
            int n = st.n();
            if (n < c.config.s1MinPeers) {
                c.skip(DetectorId.S1, b + ": " + n + " peers within ±" + w + " log10(parameters), need " + c.config.s1MinPeers);
                continue;
            }
            double med = st.median();
            double mad = Math.max(st.mad(), c.config.s1MadFloor);
            double x = e.getValue().points();
            double z = Stats.modifiedZ(x, med, mad);
            c.s1z.put(b, z);
            if (z > c.config.s1Z) {
                c.flag(DetectorId.S1, b, c.metric(b, e.getValue()), x, Expected.point(med), Statistic.modifiedZ(z),
                        b + " " + Check.fmt(x) + " is " + Check.fmt(x - med) + " points above the median " + Check.fmt(med)
                                + " of " + n + " models of similar size (" + size(Math.pow(10, l - w)) + "-"
                                + size(Math.pow(10, l + w)) + " parameters); modified z " + Check.z(z));
            }
        }
    }

    private WindowStats cached(String benchmark, Column col, int from, int to) {
        WindowKey key = new WindowKey(benchmark, from, to);
        WindowStats st = cache.get(key);
        if (st == null) {
            st = window(col, from, to, null);
            if (cache.size() < MAX_CACHED_WINDOWS) {
                cache.put(key, st);
            }
        }
        return st;
    }

    /** The statistics of rows [from, to) of a column, leaving out the rows of {@code exclude}. */
    private static WindowStats window(Column col, int from, int to, @org.jspecify.annotations.Nullable String exclude) {
        double[] peers = new double[Math.max(0, to - from)];
        int n = 0;
        for (int k = from; k < to; k++) {
            if (exclude == null || !col.modelIds[k].equals(exclude)) {
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
        int lo = 0;
        int hi = a.length;
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
        int lo = 0;
        int hi = a.length;
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
