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
    /** Per benchmark, per value (in points, as an exact decimal of the value as reported): the rows that have it, ascending. */
    private final Map<String, Map<String, int[]>> rowsByValue = new HashMap<>();
    private final List<ModelScores> models;

    CopyCheck(List<ModelScores> models) {
        this.models = models;
        // a column holds few distinct values: the decimal text of each is made once, not once per row
        Map<Long, String> proportionText = new HashMap<>();
        Map<Long, String> otherText = new HashMap<>();
        Map<String, Map<String, int[]>> grow = new HashMap<>(); // row lists with their length in slot 0
        for (int i = 0; i < models.size(); i++) {
            for (Map.Entry<String, Score> e : models.get(i).scores().entrySet()) {
                Score sc = e.getValue();
                boolean proportion = sc.unit() == org.evalledger.core.MetricUnit.PROPORTION;
                String text = (proportion ? proportionText : otherText).computeIfAbsent(Double.doubleToRawLongBits(sc.value()),
                        k -> plain(sc));
                Map<String, int[]> column = grow.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                int[] rows = column.get(text);
                if (rows == null) {
                    rows = new int[4];
                } else if (rows[0] + 1 == rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                } else {
                    rows[++rows[0]] = i;
                    continue;
                }
                rows[++rows[0]] = i;
                column.put(text, rows);
            }
        }
        grow.forEach((b, column) -> {
            Map<String, int[]> out = new HashMap<>(column.size() * 2);
            column.forEach((v, rows) -> out.put(v, Arrays.copyOfRange(rows, 1, rows[0] + 1)));
            rowsByValue.put(b, out);
        });
    }

    /** The value in points as an exact decimal of the value as reported (87.46 percent and 0.8746 proportion alike). */
    private static String plain(Score s) {
        return ReportedDecimal.plain(s.value(), s.unit() == org.evalledger.core.MetricUnit.PROPORTION ? 2 : 0);
    }

    void run(Check c) {
        List<int @org.jspecify.annotations.Nullable []> keys = new ArrayList<>();
        List<String> benchmarks = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Map.Entry<String, Score> e : c.model.scores().entrySet()) {
            double x = e.getValue().points();
            if (x != 0 && x != 100) {
                Map<String, int[]> column = rowsByValue.get(e.getKey());
                keys.add(column == null ? null : column.get(plain(e.getValue())));
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
            int[] rows = keys.get(j);
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
