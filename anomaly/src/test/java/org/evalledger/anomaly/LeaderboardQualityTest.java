package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ANOMALY.md "Measured quality", on the real leaderboard tables, with ANOMALY.md's figures as the
 * thresholds. Prints the quality table (the README shows it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderboardQualityTest {
    private QualityReport.Figures figures;

    @BeforeAll
    void compute() {
        figures = QualityReport.compute();
        System.out.print(QualityReport.table(figures));
    }

    @Test
    void leaveOneBenchmarkOutErrorIsAtMostFourPoints() {
        assertEquals(124, QualityReport.obsScalingModels(), "ANOMALY.md: the 124 models that have all 8 benchmarks");
        assertTrue(figures.loboMae() <= 4.0, "mean absolute error " + figures.loboMae());
    }

    @Test
    void theFiveStrongContaminationCasesAreFlaggedOnTheRightBenchmark() {
        Map<String, String> cases = Map.of(
                "DopeorNope/COKAL-v1-70B", "arc_challenge",
                "udkai/Garrulus", "winogrande",
                "Aspik101/trurl-2-13b-pl-instruct_unload", "mmlu",
                "gaodrew/gaodrew-gorgonzola-13b", "mmlu",
                "Contamination/contaminated_proof_7b_v1.0", "mmlu");
        cases.forEach((model, benchmark) -> {
            AnomalyReport r = figures.reports().get(model);
            System.out.println(model + ": " + r.findings());
            List<Finding> hits = r.findings().stream()
                    .filter(f -> f.detector() == DetectorId.S1 || f.detector() == DetectorId.S2)
                    .filter(f -> f.severity().atLeast(Severity.WARNING))
                    .toList();
            assertFalse(hits.isEmpty(), model + " is not flagged by S1 or S2: " + r);
            assertTrue(hits.stream().anyMatch(f -> f.benchmark().equals(benchmark)), model + " flagged on " + hits + ", expected " + benchmark);
        });
    }

    @Test
    void cokalsArcResidualIsFarAboveThreshold() {
        Finding arc = figures.reports().get("DopeorNope/COKAL-v1-70B").findings(DetectorId.S2).stream()
                .filter(f -> f.benchmark().equals("arc_challenge")).findFirst().orElseThrow();
        assertTrue(arc.statistic().value() > 7, "ANOMALY.md quotes ARC residual z ≈ +14.8; got " + arc.statistic().value());
    }

    @Test
    void falseFlagRateOnUnflaggedModelsIsAtMostSixPercent() {
        assertTrue(figures.falseFlagS1S2() <= 0.06, "S1 or S2 flags " + figures.falseFlagS1S2() + " of unflagged, non-broken v1 models");
    }

    @Test
    void theSuspicionScoreRanksContaminationBetterThanTheMaxOfS1AndS2() {
        assertTrue(figures.aurocContamination() > figures.aurocMaxContamination(),
                "suspicion AUROC " + figures.aurocContamination() + " vs max(S1, S2) " + figures.aurocMaxContamination());
    }

    @Test
    void attainableScorePassesRealScores() {
        assertEquals(3 * 7169, figures.r2Scores());
        assertTrue(figures.r2PassRate() >= 0.999, "R2 passes " + figures.r2PassRate());
    }

    @Test
    void attainableScoreNeverFiresOnMacroOrNonCountBenchmarksOfV2() {
        AnomalyDetector detector = AnomalyDetector.fit(Population.empty());
        int checked = 0;
        for (ModelScores m : LeaderboardTables.v2()) {
            AnomalyReport r = detector.check(m);
            for (Finding f : r.findings(DetectorId.R2)) {
                assertFalse(List.of("ifeval", "bbh", "musr").contains(f.benchmark()), f.toString());
            }
            checked += m.scores().containsKey("ifeval") ? 1 : 0;
        }
        assertTrue(checked > 4000, "v2 rows with ifeval: " + checked);
    }
}
