package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.evalledger.core.MetricUnit;
import org.jspecify.annotations.Nullable;

/**
 * D1: another model id whose scores equal the candidate's on every benchmark the candidate has,
 * at least 3 of them, to full reported precision (87.46 percent equals 0.8746 proportion). Values of
 * exactly 0 or 100 do not count towards the 3: many models share them without copying. Immutable
 * after construction and thread-safe.
 */
final class CopyCheck {
    /** Per benchmark: the rows that have each value. */
    private final Map<String, Column> columns = new HashMap<>();
    private final List<ModelScores> models;
    /** Per model id: its rows, ascending. */
    private final Map<String, int[]> rowsById = new HashMap<>();

    /**
     * One benchmark's rows by value (in points, as an exact decimal of the value as reported), and the
     * same row lists by the bits of each value as it appears in the population, per unit, so that a
     * candidate's value the population already holds is found without writing its decimal.
     */
    private record Column(Map<String, int[]> byText, Map<Long, int[]> proportionBits, Map<Long, int[]> otherBits) {
        int @Nullable [] rows(Score s) {
            boolean proportion = s.unit() == MetricUnit.PROPORTION;
            int[] known = (proportion ? proportionBits : otherBits).get(Double.doubleToRawLongBits(s.value()));
            if (known != null) {
                return known;
            }
            // Two doubles other than zero have two texts (Double.toString reads back as the double), and
            // one unit kind shifts all its texts alike: so a value of this kind that the population lacks
            // can share its text only with a value of the other kind. A column without one needs no text.
            if (s.value() != 0 && (proportion ? otherBits : proportionBits).isEmpty()) {
                return null;
            }
            return byText.get(plain(s));
        }
    }

    CopyCheck(List<ModelScores> models) {
        this.models = models;
        Map<String, int[]> grownById = new HashMap<>(); // row lists with their length in slot 0, as below
        for (int i = 0; i < models.size(); i++) {
            grownById.put(models.get(i).modelId(), grow(grownById.get(models.get(i).modelId()), i));
        }
        grownById.forEach((id, rows) -> rowsById.put(id, Arrays.copyOfRange(rows, 1, rows[0] + 1)));
        Index index = new Index();
        for (int i = 0; i < models.size(); i++) {
            index.add(i, models.get(i));
        }
        index.growing.forEach((b, column) -> {
            Map<String, int[]> byText = new HashMap<>(column.size() * 2);
            column.forEach((v, rows) -> byText.put(v, Arrays.copyOfRange(rows, 1, rows[0] + 1)));
            columns.put(b, new Column(byText, byBits(index.proportionSeen.get(b), byText), byBits(index.otherSeen.get(b), byText)));
        });
    }

    /**
     * The columns while they are built, a row at a time: one call per row, which a JIT compiles after
     * some hundreds of rows instead of interpreting the fit's one loop over them.
     */
    private static final class Index {
        // a column holds few distinct values: the decimal text of each is made once, not once per row
        final Map<Long, String> proportionText = new HashMap<>();
        final Map<Long, String> otherText = new HashMap<>();
        final Map<String, Map<String, int[]>> growing = new HashMap<>(); // row lists with their length in slot 0
        final Map<String, Map<Long, String>> proportionSeen = new HashMap<>(); // per benchmark: the bits of its values, per unit
        final Map<String, Map<Long, String>> otherSeen = new HashMap<>();

        void add(int row, ModelScores model) {
            for (Map.Entry<String, Score> e : model.scores().entrySet()) {
                Score sc = e.getValue();
                boolean proportion = sc.unit() == MetricUnit.PROPORTION;
                Long bits = Double.doubleToRawLongBits(sc.value());
                String text = (proportion ? proportionText : otherText).computeIfAbsent(bits, k -> plain(sc));
                (proportion ? proportionSeen : otherSeen).computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(bits, text);
                Map<String, int[]> column = growing.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                int[] rows = column.get(text);
                int[] grown = grow(rows, row);
                if (grown != rows) {
                    column.put(text, grown);
                }
            }
        }
    }

    /** Appends row i to a row list that keeps its length in slot 0 (null: a new list); the same array while it has room. */
    private static int[] grow(int @Nullable [] rows, int i) {
        int[] out = rows == null ? new int[4] : rows[0] + 1 == rows.length ? Arrays.copyOf(rows, rows.length * 2) : rows;
        out[++out[0]] = i;
        return out;
    }

    /** The row lists of {@code byText} by the bits of each value seen with that text. */
    private static Map<Long, int[]> byBits(@Nullable Map<Long, String> seen, Map<String, int[]> byText) {
        if (seen == null) {
            return Map.of();
        }
        Map<Long, int[]> out = new HashMap<>(seen.size() * 2);
        seen.forEach((bits, text) -> out.put(bits, byText.get(text)));
        return out;
    }

    /** The value in points as an exact decimal of the value as reported (87.46 percent and 0.8746 proportion alike). */
    private static String plain(Score s) {
        return ReportedDecimal.plain(s.value(), s.unit() == MetricUnit.PROPORTION ? 2 : 0);
    }

    void run(Check c) {
        int[] compared = new int[c.size()]; // positions of the benchmarks with a value other than 0 and 100
        int m = 0;
        for (int k = 0; k < c.size(); k++) {
            double x = c.scores[k].points();
            if (x != 0 && x != 100) {
                compared[m++] = k;
            }
        }
        if (m < c.config.d1MinBenchmarks) {
            int has = m;
            c.skip(DetectorId.D1, () -> "needs " + c.config.d1MinBenchmarks + " benchmarks with a value other than 0 and 100, has " + has);
            return;
        }
        // A row has the candidate's value on a benchmark exactly when it is in that value's (ascending)
        // row list, so the rows equal on all of them are the intersection of those lists, taken on the
        // row numbers alone: a benchmark at a time, stopping as soon as no row is left (for a candidate
        // that copies nobody, after two or three lists: the others are never looked up).
        int[] own = rowsById.get(c.model.modelId()); // null for a model the population does not hold
        int[] common = null;
        int n = 0;
        for (int j = 0; j < m && (common == null || n > 0); j++) {
            int k = compared[j];
            Column column = columns.get(c.ids[k]);
            int[] rows = column == null ? null : column.rows(c.scores[k]);
            if (rows == null) {
                return; // no other model has this value: no copy
            }
            if (common == null) {
                common = rows.clone();
                n = common.length;
            } else {
                n = retainIn(common, n, rows);
            }
            if (own != null && n <= 8) {
                n = others(common, n, own); // its own rows never count: a population row's check can stop early too
            }
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
        List<String> benchmarks = new ArrayList<>(m);
        List<String> metrics = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            benchmarks.add(c.ids[compared[j]]);
            metrics.add(c.metric(compared[j]));
        }
        String list = String.join(", ", others.stream().limit(3).toList()) + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "");
        c.flag(DetectorId.D1, String.join(",", benchmarks), String.join(",", metrics), benchmarks.size(), null, new Statistic("copies", others.size()),
                () -> "identical on all " + benchmarks.size() + " benchmarks, to full precision, to " + list
                        + ": a copied result or an undisclosed re-upload");
    }

    /** Keeps the first n rows of {@code rows} that are not in {@code own} (ascending); returns how many. */
    private static int others(int[] rows, int n, int[] own) {
        int kept = 0;
        for (int k = 0; k < n; k++) {
            if (Arrays.binarySearch(own, rows[k]) < 0) {
                rows[kept++] = rows[k];
            }
        }
        return kept;
    }

    /** Keeps the first n rows of {@code rows} (ascending) that are also in {@code sorted} (ascending); returns how many. */
    static int retainIn(int[] rows, int n, int[] sorted) {
        int m = sorted.length;
        if (n > 16L * m) { // far longer: search it for each row of the other
            int kept = 0;
            int from = 0;
            for (int k = 0; k < m && from < n; k++) {
                int at = Arrays.binarySearch(rows, from, n, sorted[k]);
                if (at >= 0) {
                    rows[kept++] = sorted[k]; // kept <= at < from afterwards: the rest of the search range is untouched
                    from = at + 1;
                } else {
                    from = -at - 1;
                }
            }
            return kept;
        }
        if (m > 16L * n) {
            int kept = 0;
            int from = 0;
            for (int k = 0; k < n && from < m; k++) {
                int at = Arrays.binarySearch(sorted, from, m, rows[k]);
                if (at >= 0) {
                    rows[kept++] = rows[k];
                    from = at + 1;
                } else {
                    from = -at - 1;
                }
            }
            return kept;
        }
        // lists of like length: one merge, written without branches on the data (kept <= i: only read rows are overwritten)
        int kept = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            int a = rows[i];
            int b = sorted[j];
            rows[kept] = a;
            kept += a == b ? 1 : 0;
            i += a <= b ? 1 : 0;
            j += a >= b ? 1 : 0;
        }
        return kept;
    }
}
