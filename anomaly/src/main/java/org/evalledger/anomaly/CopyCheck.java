package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * D1: another model id whose scores equal the candidate's on every benchmark the candidate has,
 * at least 3 of them, to full reported precision (87.46 percent equals 0.8746 proportion). Values of
 * exactly 0 or 100 do not count towards the 3: many models share them without copying. Immutable
 * after construction and thread-safe.
 */
final class CopyCheck {
    private final Map<String, int[]> rowsByValue = new HashMap<>();
    private final List<ModelScores> models;

    CopyCheck(List<ModelScores> models) {
        this.models = models;
        Map<String, List<Integer>> m = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            for (Map.Entry<String, Score> e : models.get(i).scores().entrySet()) {
                m.computeIfAbsent(key(e.getKey(), e.getValue()), k -> new ArrayList<>()).add(i);
            }
        }
        m.forEach((k, v) -> rowsByValue.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** benchmark=value in points, as an exact decimal of the value as reported. */
    private static String key(String benchmark, Score s) {
        return benchmark + "=" + ReportedDecimal.plain(s.value(), s.unit() == org.evalledger.core.MetricUnit.PROPORTION ? 2 : 0);
    }

    void run(Check c) {
        List<String> keys = new ArrayList<>();
        List<String> benchmarks = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Map.Entry<String, Score> e : c.model.scores().entrySet()) {
            double x = e.getValue().points();
            if (x != 0 && x != 100) {
                keys.add(key(e.getKey(), e.getValue()));
                benchmarks.add(e.getKey());
                metrics.add(c.metric(e.getKey(), e.getValue()));
            }
        }
        if (keys.size() < c.config.d1MinBenchmarks) {
            c.skip(DetectorId.D1, "needs " + c.config.d1MinBenchmarks + " benchmarks with a value other than 0 and 100, has " + keys.size());
            return;
        }
        // A row has the candidate's value on benchmark j exactly when it is in the (ascending) row list
        // of key j, so the rows equal on all of them are the intersection of those lists: taken
        // shortest list first, on the row numbers alone, before any row is read.
        int[][] lists = new int[keys.size()][];
        for (int j = 0; j < keys.size(); j++) {
            int[] rows = rowsByValue.get(keys.get(j));
            if (rows == null) {
                return; // no other model has this value: no copy
            }
            lists[j] = rows;
        }
        Arrays.sort(lists, (x, y) -> Integer.compare(x.length, y.length));
        int[] common = lists[0].clone();
        int n = common.length;
        for (int j = 1; j < lists.length && n > 0; j++) {
            n = retainIn(common, n, lists[j]);
        }
        TreeSet<String> others = new TreeSet<>();
        for (int k = 0; k < n; k++) {
            String id = models.get(common[k]).modelId();
            if (!id.equals(c.model.modelId())) {
                others.add(id);
            }
        }
        if (others.isEmpty()) {
            return;
        }
        String list = String.join(", ", others.stream().limit(3).toList()) + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "");
        c.flag(DetectorId.D1, String.join(",", benchmarks), String.join(",", metrics), benchmarks.size(), null, new Statistic("copies", others.size()),
                "identical on all " + benchmarks.size() + " benchmarks, to full precision, to " + list
                        + ": a copied result or an undisclosed re-upload");
    }

    /** Keeps the first n rows of {@code rows} (ascending) that are also in {@code sorted} (ascending); returns how many. */
    private static int retainIn(int[] rows, int n, int[] sorted) {
        int kept = 0;
        int from = 0;
        for (int k = 0; k < n && from < sorted.length; k++) {
            int at = Arrays.binarySearch(sorted, from, sorted.length, rows[k]);
            if (at >= 0) {
                rows[kept++] = rows[k];
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return kept;
    }
}
