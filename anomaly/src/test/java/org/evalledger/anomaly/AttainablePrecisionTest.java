package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * R2 flags exactly the count scores of a row that no k/n matches at the row's precision (the most
 * decimals any of its scores shows), the rule written out here in full as the oracle: whatever
 * shortcut the check takes to avoid finding the row's decimals must not change a verdict.
 */
class AttainablePrecisionTest {
    private static final AnomalyDetector EMPTY = AnomalyDetector.fit(Population.empty());
    /** Count benchmarks of the catalogue, with their item counts. */
    private static final String[] BENCHMARKS = {"arc_challenge", "hellaswag", "winogrande", "gsm8k"};

    private static long items(String benchmark) {
        return EMPTY.population().catalogue().find(benchmark).orElseThrow().items();
    }

    /** One score: which benchmark, whether in percent, k, and how the value is made from k/n. */
    @Provide
    Arbitrary<List<Tuple.Tuple4<Integer, Boolean, Double, Integer>>> rows() {
        Arbitrary<Tuple.Tuple4<Integer, Boolean, Double, Integer>> score = Combinators.combine(
                Arbitraries.integers().between(0, BENCHMARKS.length - 1), Arbitraries.of(true, false),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 99)).as(Tuple::of);
        return score.list().ofMinSize(1).ofMaxSize(4).uniqueElements(t -> t.get1());
    }

    /**
     * The value: k/n exactly (a harness's full precision), k/n rounded to a few decimals (a model
     * card), k/n some units in the last place off (around the binary-rounding allowance), or
     * slightly off k/n.
     */
    private static double value(double share, long n, int how, boolean percent) {
        long k = Math.round(share * n);
        double full = percent ? 100 : 1;
        double exact = full * k / n;
        if (how < 30) {
            return exact;
        }
        if (how < 60) {
            double scale = Math.pow(10, how % 5 + 1);
            return Math.round(exact * scale) / scale;
        }
        if (how < 90) {
            return Math.max(0, Math.min(full, exact + (how - 75) * 2 * Math.ulp(full)));
        }
        return Math.max(0, Math.min(full, exact * (1 + (how - 95) * 1e-9)));
    }

    @Property(tries = 3000)
    void flagsExactlyTheScoresNoKOverNMatchesAtTheRowsPrecision(
            @ForAll("rows") @Size(min = 1) List<Tuple.Tuple4<Integer, Boolean, Double, Integer>> row) {
        ModelScores.Builder b = ModelScores.builder("org/m");
        List<String> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> percents = new ArrayList<>();
        for (Tuple.Tuple4<Integer, Boolean, Double, Integer> t : row) {
            String id = BENCHMARKS[t.get1()];
            double v = value(t.get3(), items(id), t.get4(), t.get2());
            b.score(id, t.get2() ? Score.percent(v) : Score.proportion(v));
            ids.add(id);
            values.add(v);
            percents.add(t.get2());
        }
        int rowDecimals = 0;
        for (double v : values) {
            rowDecimals = Math.max(rowDecimals, AttainableCheck.decimals(v));
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!AttainableCheck.attainable(values.get(i), percents.get(i) ? 100 : 1, items(ids.get(i)), rowDecimals)) {
                expected.add(ids.get(i));
            }
        }
        Set<String> flagged = EMPTY.check(b.build()).findings(DetectorId.R2).stream().map(Finding::benchmark)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, flagged, () -> "row " + ids + " = " + values + ", precision " + decimalsText(values));
    }

    private static String decimalsText(List<Double> values) {
        return values.stream().map(v -> String.valueOf(AttainableCheck.decimals(v))).collect(Collectors.joining(","));
    }
}
