package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Degenerate input gives a clear answer, never an exception. */
class DegenerateInputTest {
    private static final ModelScores TYPICAL = ModelScores.builder("org/x").parameters(7_000_000_000L)
            .score("mmlu", Score.percent(61.2)).score("arc_challenge", Score.percent(58.7)).score("hellaswag", Score.percent(80.11))
            .build();

    private static boolean skipped(AnomalyReport r, DetectorId d, String text) {
        return r.skipped().stream().anyMatch(s -> s.detector() == d && s.reason().contains(text));
    }

    @Test
    void anEmptyPopulationStillRunsTheRulesAndSaysWhatItSkipped() {
        AnomalyReport r = AnomalyDetector.fit(Population.empty()).check(TYPICAL.toBuilder().score("winogrande", Score.percent(30)).build());
        assertEquals(1, r.findings(DetectorId.R1).size(), "below chance still found");
        assertTrue(skipped(r, DetectorId.S1, "0 peers"), r.skipped().toString());
        assertTrue(skipped(r, DetectorId.S2, "no population model has it"), r.skipped().toString());
        assertEquals(0, r.suspicion());
        assertEquals(null, r.driver());
    }

    @Test
    void aPopulationOfOne() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(TYPICAL)));
        AnomalyReport r = d.check(TYPICAL.toBuilder().score("mmlu", Score.percent(90)).build());
        assertTrue(skipped(r, DetectorId.S1, "0 peers"), r.skipped().toString()); // its own id is never a peer
        assertTrue(skipped(r, DetectorId.S2, "only 1 population models have it"), r.skipped().toString());
        AnomalyReport other = d.check(ModelScores.builder("org/y").parameters(7_000_000_000L).score("mmlu", Score.percent(61.2)).build());
        assertTrue(skipped(other, DetectorId.S1, "1 peers"), other.skipped().toString());
    }

    @Test
    void aBenchmarkNoPeerHas() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(Synthetic.population(100, 9)));
        AnomalyReport r = d.check(TYPICAL.toBuilder().score("brand_new_bench", Score.proportion(0.5)).build());
        assertTrue(skipped(r, DetectorId.S1, "brand_new_bench: 0 peers"), r.skipped().toString());
        assertTrue(skipped(r, DetectorId.S2, "brand_new_bench: no population model has it"), r.skipped().toString());
        assertTrue(skipped(r, DetectorId.R2, "brand_new_bench: not in the catalogue"), r.skipped().toString());
        assertTrue(r.findings(DetectorId.S2).isEmpty());
    }

    /**
     * More benchmarks than population models that have them all: a regression needs a row per
     * coefficient, so S2 drops predictors until there are enough rows, as when too few models have
     * them (here 45 benchmarks, 40 models, the default 30 models needed).
     */
    @Test
    void moreBenchmarksThanModelsThatHaveThemAll() {
        List<ModelScores> rows = new ArrayList<>();
        Random rnd = new Random(5);
        for (int i = 0; i < 40; i++) {
            double skill = rnd.nextGaussian();
            ModelScores.Builder b = ModelScores.builder("org/m" + i).parameters(7_000_000_000L);
            for (int k = 0; k < 45; k++) {
                b.score("bench_" + k, Score.percent(Synthetic.round(50 + 8 * skill + 3 * rnd.nextGaussian())));
            }
            rows.add(b.build());
        }
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows));
        ModelScores.Builder candidate = ModelScores.builder("org/x").parameters(7_000_000_000L);
        for (int k = 0; k < 45; k++) {
            candidate.score("bench_" + k, Score.percent(k == 0 ? 95 : 50));
        }
        AnomalyReport r = d.check(candidate.build());
        assertEquals(1, r.findings(DetectorId.S2).size(), "bench_0 far above what the others predict: " + r.findings());
        assertEquals("bench_0", r.findings(DetectorId.S2).get(0).benchmark());
    }

    @Test
    void constantColumnsHaveNoSpreadToScaleBy() {
        List<ModelScores> rows = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 60; i++) {
            rows.add(ModelScores.builder("org/m" + i).parameters(7_000_000_000L).score("winogrande", Score.percent(75))
                    .score("mmlu", Score.percent(Synthetic.round(50 + 5 * rnd.nextGaussian())))
                    .score("hellaswag", Score.percent(Synthetic.round(70 + 5 * rnd.nextGaussian()))).build());
        }
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows));
        AnomalyReport r = d.check(ModelScores.builder("org/x").parameters(7_000_000_000L).score("winogrande", Score.percent(75.3))
                .score("mmlu", Score.percent(50)).score("hellaswag", Score.percent(70)).build());
        assertTrue(skipped(r, DetectorId.S2, "winogrande: it has the same value"), r.skipped().toString());
        // S1 with MAD = 0 uses the 0.5-point floor: 0.3 points above a constant is z = 0.4
        assertTrue(r.findings(DetectorId.S1).isEmpty(), r.findings().toString());
        AnomalyReport far = d.check(ModelScores.builder("org/x").parameters(7_000_000_000L).score("winogrande", Score.percent(80)).build());
        assertEquals(1, far.findings(DetectorId.S1).size());
    }

    @Test
    void aModelWithOneBenchmarkOnly() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(Synthetic.population(100, 10)));
        AnomalyReport r = d.check(ModelScores.builder("org/x").score("mmlu", Score.percent(50)).build());
        assertTrue(skipped(r, DetectorId.S2, "needs at least two benchmarks"), r.skipped().toString());
        assertTrue(skipped(r, DetectorId.S5, "no S2 residuals"), r.skipped().toString());
        assertTrue(skipped(r, DetectorId.D1, "needs 3 benchmarks"), r.skipped().toString());
    }

    @Test
    void aModelWithNoScoresAtAll() {
        AnomalyReport r = AnomalyDetector.fit(Population.ofTable(Synthetic.population(50, 11))).check(ModelScores.builder("org/x").build());
        assertTrue(r.findings().isEmpty());
        assertEquals(0, r.suspicion());
    }

    @Test
    void unknownBenchmarkIdsStillGetTheCatalogueFreeDetectors() {
        List<ModelScores> rows = new ArrayList<>();
        Random rnd = new Random(12);
        for (int i = 0; i < 50; i++) {
            rows.add(ModelScores.builder("org/m" + i).parameters(7_000_000_000L)
                    .score("house_bench", Score.proportion(Math.round((0.4 + 0.03 * rnd.nextGaussian()) * 1e4) / 1e4)).build());
        }
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows, Catalogue.empty()));
        AnomalyReport r = d.check(ModelScores.builder("org/x").parameters(7_000_000_000L).score("house_bench", Score.proportion(0.8)).build());
        assertEquals(1, r.findings(DetectorId.S1).size(), "S1 needs no catalogue");
        for (DetectorId needsCatalogue : List.of(DetectorId.R1, DetectorId.R2, DetectorId.R4)) {
            assertTrue(skipped(r, needsCatalogue, "house_bench: not in the catalogue"), needsCatalogue + " " + r.skipped());
        }
    }

    @Test
    void extremeButFiniteValuesNeverThrow() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(Synthetic.population(100, 13)));
        for (double v : new double[] {0, 100, -1e300, 1e300, Double.MIN_VALUE, 99.999999}) {
            ModelScores m = ModelScores.builder("org/x").parameters(1L).score("mmlu", Score.percent(v)).score("hellaswag", Score.percent(v))
                    .score("arc_challenge", Score.percent(50).withStderr(0.0).withN(1L)).build();
            AnomalyReport r = d.check(m);
            assertTrue(r.suspicion() >= 0 && Double.isFinite(r.suspicion()), "v = " + v);
        }
    }
}
