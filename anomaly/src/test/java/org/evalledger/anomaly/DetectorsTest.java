package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each detector on inputs where the right answer is known. */
class DetectorsTest {
    private static final AnomalyDetector EMPTY = AnomalyDetector.fit(Population.empty());

    private static List<Finding> of(AnomalyReport r, DetectorId d) {
        return r.findings(d);
    }

    private static AnomalyReport check(ModelScores.Builder b) {
        return EMPTY.check(b.build());
    }

    @Nested
    class R1RangeChanceCeiling {
        @Test
        void aScoreOutsideZeroToHundredPointsIsAnError() {
            Finding f = of(check(ModelScores.builder("m").score("gsm8k", Score.proportion(1.2))), DetectorId.R1).get(0);
            assertEquals(Severity.ERROR, f.severity());
            assertEquals(120, f.observed(), 1e-9);
        }

        @Test
        void belowChanceByMoreThanThreeStandardErrorsIsFlagged() {
            // Winogrande: chance 50, SE0 = 1.40 points over 1,267 items -> bound 45.79
            Finding f = of(check(ModelScores.builder("m").score("winogrande", Score.percent(40))), DetectorId.R1).get(0);
            assertEquals(Severity.WARNING, f.severity());
            assertEquals(45.79, f.expected().low(), 0.01);
            assertTrue(f.message().contains("below chance"), f.message());
            assertTrue(of(check(ModelScores.builder("m").score("winogrande", Score.percent(46))), DetectorId.R1).isEmpty());
        }

        @Test
        void aboveTheKnownCeilingIsFlagged() {
            assertEquals(1, of(check(ModelScores.builder("m").score("mmlu", Score.percent(95.1))), DetectorId.R1).size());
            assertTrue(of(check(ModelScores.builder("m").score("mmlu", Score.percent(93.4))), DetectorId.R1).isEmpty());
        }
    }

    @Nested
    class R2AttainableScore {
        @Test
        void aRealArcScoreIsKOverN() {
            // 1025 / 1172 = 0.874573... -> 87.46 at two decimals
            assertTrue(of(check(ModelScores.builder("m").score("arc_challenge", Score.percent(87.46))), DetectorId.R2).isEmpty());
            Finding f = of(check(ModelScores.builder("m").score("arc_challenge", Score.percent(87.47))), DetectorId.R2).get(0);
            assertTrue(f.message().contains("1025/1172"), f.message());
        }

        @Test
        void aTrailingZeroLostInTheNumberIsRestoredFromTheRow() {
            // 45.3 in a row of two-decimal scores is 45.30, which no k/1172 matches; alone it could be 45.25..45.35
            ModelScores.Builder row = ModelScores.builder("m").score("mmlu", Score.percent(63.12));
            assertEquals(1, of(check(row.score("arc_challenge", Score.percent(45.3))), DetectorId.R2).size());
            assertTrue(of(check(ModelScores.builder("m").score("arc_challenge", Score.percent(45.3))), DetectorId.R2).isEmpty());
        }

        @Test
        void fullPrecisionProportionsMustBeExactlyKOverN() {
            assertTrue(AttainableCheck.attainable(166.0 / 1324, 1, 1324, 0));
            assertTrue(!AttainableCheck.attainable(166.4 / 1324, 1, 1324, 0));
        }

        @Test
        void randomTwoDecimalNumbersPassAboutTwelvePercentOfTheTime() {
            // ANOMALY.md: "random two-decimal numbers pass ~12%": 0.01 points / (100 / 1172) points per item = 11.7%
            Random r = new Random(7);
            int pass = 0;
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                double v = Math.round((20 + 60 * r.nextDouble()) * 100) / 100.0;
                pass += AttainableCheck.attainable(v, 100, 1172, 2) ? 1 : 0;
            }
            double rate = (double) pass / n;
            assertTrue(rate > 0.10 && rate < 0.14, String.format(Locale.ROOT, "%.4f", rate));
        }

        @Test
        void macroAndGroupedScoresAreNotCounts() {
            assertTrue(of(check(ModelScores.builder("m").score("mmlu", Score.percent(63.123))), DetectorId.R2).isEmpty());
            assertTrue(of(check(ModelScores.builder("m").score("gsm8k", Score.percent(55.555).withGrouped(true))), DetectorId.R2).isEmpty());
            assertTrue(of(check(ModelScores.builder("m").score("ifeval", Score.proportion(0.330279214705869))), DetectorId.R2).isEmpty());
        }
    }

    @Nested
    class R3StderrVersusN {
        private Score arc(double p, double stderr) {
            return Score.proportion(p).withStderr(stderr).withN(1172L);
        }

        @Test
        void theHarnessFormulaImpliesExactlyN() {
            double p = 1025.0 / 1172;
            assertTrue(of(check(ModelScores.builder("m").score("arc_challenge", arc(p, Math.sqrt(p * (1 - p) / 1171)))), DetectorId.R3).isEmpty());
        }

        @Test
        void aStderrThatImpliesAQuarterOfTheItemsIsFlagged() {
            double p = 1025.0 / 1172;
            Finding f = of(check(ModelScores.builder("m").score("arc_challenge", arc(p, Math.sqrt(p * (1 - p) / (1172 / 4.0 - 1))))),
                    DetectorId.R3).get(0);
            assertEquals(293, f.observed(), 0.5);
            assertEquals(0.25, f.statistic().value(), 1e-3);
        }

        @Test
        void aStderrThatImpliesFourTimesTheItemsIsFlaggedForASingleCountTaskOnly() {
            double p = 0.6;
            double small = Math.sqrt(p * (1 - p) / (4 * 1172 - 1));
            assertEquals(1, of(check(ModelScores.builder("m").score("arc_challenge", arc(p, small))), DetectorId.R3).size());
            assertTrue(of(check(ModelScores.builder("m").score("arc_challenge", arc(p, small).withGrouped(true))), DetectorId.R3).isEmpty());
            assertTrue(of(check(ModelScores.builder("m").score("mmlu", Score.proportion(p).withStderr(0.001))), DetectorId.R3).isEmpty());
        }

        @Test
        void aZeroStderrForAScoreBetweenZeroAndOneIsImpossible() {
            assertEquals(1, of(check(ModelScores.builder("m").score("gsm8k", Score.proportion(0.5).withStderr(0.0))), DetectorId.R3).size());
            assertTrue(of(check(ModelScores.builder("m").score("gsm8k", Score.proportion(0.0).withStderr(0.0))), DetectorId.R3).isEmpty());
        }
    }

    @Nested
    class R4BrokenRun {
        @Test
        void anEasyBenchmarkAtChanceWhileAnotherIsFarAboveIsABrokenRun() {
            AnomalyReport r = check(ModelScores.builder("m").score("arc_challenge", Score.percent(24.5)).score("mmlu", Score.percent(62)));
            Finding f = of(r, DetectorId.R4).get(0);
            assertEquals("arc_challenge", f.benchmark());
            assertTrue(f.message().startsWith("broken run"), f.message());
        }

        @Test
        void aWeakModelAtChanceEverywhereIsNotBroken() {
            assertTrue(of(check(ModelScores.builder("m").score("arc_challenge", Score.percent(24.5)).score("mmlu", Score.percent(26))),
                    DetectorId.R4).isEmpty());
        }

        @Test
        void brokenRunsAreLeftOutOfThePopulation() {
            List<ModelScores> rows = new ArrayList<>(Synthetic.population(50, 1));
            rows.add(ModelScores.builder("org/broken").parameters(7_000_000_000L).score("arc_challenge", Score.percent(25))
                    .score("mmlu", Score.percent(60)).build());
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows));
            assertEquals(java.util.Set.of("org/broken"), d.brokenRuns());
        }
    }

    @Nested
    class S1PeerDeviation {
        private final AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(sevenB()));

        /** 100 models of 7B with MMLU around 50 (sd 3). */
        private static List<ModelScores> sevenB() {
            Random r = new Random(2);
            List<ModelScores> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rows.add(ModelScores.builder("org/m" + i).parameters(7_000_000_000L)
                        .score("mmlu", Score.percent(Synthetic.round(50 + 3 * r.nextGaussian()))).build());
            }
            return rows;
        }

        @Test
        void aScoreFarAboveModelsOfTheSameSizeIsFlagged() {
            AnomalyReport r = detector.check(ModelScores.builder("org/new").parameters(7_300_000_000L).score("mmlu", Score.percent(70)).build());
            Finding f = of(r, DetectorId.S1).get(0);
            assertEquals("mmlu", f.benchmark());
            assertTrue(f.statistic().value() > 3.5);
            assertTrue(f.message().contains("models of similar size"), f.message());
        }

        @Test
        void aTypicalScoreIsNot() {
            assertTrue(of(detector.check(ModelScores.builder("org/new").parameters(7_000_000_000L).score("mmlu", Score.percent(50)).build()),
                    DetectorId.S1).isEmpty());
        }

        @Test
        void modelsOfAnotherSizeAreNotPeersAndAModelIsNeverItsOwnPeer() {
            AnomalyReport big = detector.check(ModelScores.builder("org/big").parameters(70_000_000_000L).score("mmlu", Score.percent(95)).build());
            assertTrue(big.skipped().stream().anyMatch(s -> s.detector() == DetectorId.S1 && s.reason().contains("0 peers")), big.skipped().toString());
            AnomalyReport self = detector.check(detector.population().models().get(0));
            assertTrue(self.skipped().stream().noneMatch(s -> s.detector() == DetectorId.S1));
        }

        @Test
        void aModelWithoutAParameterCountHasNoPeers() {
            AnomalyReport r = detector.check(ModelScores.builder("org/x").score("mmlu", Score.percent(95)).build());
            assertTrue(r.skipped().stream().anyMatch(s -> s.detector() == DetectorId.S1 && s.reason().contains("no parameter count")));
        }
    }

    @Nested
    class S2CrossBenchmarkResidual {
        private final AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(Synthetic.population(300, 3)));

        @Test
        void oneBenchmarkFarAboveWhatTheOthersPredictIsFlaggedWithThePrediction() {
            // ability 0.5: mmlu 50, hellaswag 65, arc 52.5, winogrande 72.5; mmlu inflated by 20
            AnomalyReport r = detector.check(Synthetic.row("org/x", null, new String[] {"mmlu", "hellaswag", "arc_challenge", "winogrande"},
                    70, 65, 52.5, 72.5));
            Finding f = of(r, DetectorId.S2).get(0);
            assertEquals("mmlu", f.benchmark());
            assertEquals(50, f.expected().low(), 3);
            assertEquals("mmlu", r.suspicionBenchmark());
            assertTrue(r.suspicion() > 3.5);
            assertEquals(f, r.driver());
            assertEquals(1, of(r, DetectorId.S2).size(), "the inflated benchmark must not make the others look odd: " + r.findings());
        }

        @Test
        void aConsistentProfileIsNotFlagged() {
            AnomalyReport r = detector.check(Synthetic.row("org/x", null, new String[] {"mmlu", "hellaswag", "arc_challenge", "winogrande"},
                    50, 65, 52.5, 72.5));
            assertTrue(of(r, DetectorId.S2).isEmpty(), r.findings().toString());
            assertTrue(r.suspicion() < 3.5);
        }

        @Test
        void aBrokenBenchmarkDoesNotMakeTheOthersLookInflated() {
            AnomalyReport r = detector.check(Synthetic.row("org/x", null, new String[] {"mmlu", "hellaswag", "arc_challenge", "winogrande"},
                    50, 65, 52.5, 50));
            assertTrue(of(r, DetectorId.S2).isEmpty(), r.findings().toString());
        }

        @Test
        void aProfileThatDisagreesEverywhereIsInformationFromS5() {
            AnomalyReport r = detector.check(Synthetic.row("org/x", null, new String[] {"mmlu", "hellaswag", "arc_challenge", "winogrande"},
                    68, 48, 68, 62));
            Finding s5 = of(r, DetectorId.S5).get(0);
            assertEquals(Severity.INFO, s5.severity());
            assertTrue(s5.observed() > 2.5);
        }
    }

    @Nested
    class S3VersionJump {
        private List<ModelScores> family(double childMmlu) {
            List<ModelScores> rows = new ArrayList<>();
            Random r = new Random(4);
            for (int i = 0; i < 20; i++) {
                double base = 40 + 20 * r.nextDouble();
                rows.add(ModelScores.builder("org/base-" + i).score("mmlu", Score.percent(Synthetic.round(base))).build());
                rows.add(ModelScores.builder("org/tuned-" + i).parent("org/base-" + i).transition(Transition.FINETUNE)
                        .score("mmlu", Score.percent(Synthetic.round(base + 2 + r.nextGaussian()))).build());
            }
            return rows;
        }

        @Test
        void aJumpFarBeyondWhatFineTunesDoIsFlagged() {
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(family(0)));
            double parent = d.population().models().get(0).scores().get("mmlu").points();
            AnomalyReport r = d.check(ModelScores.builder("org/new").parent("org/base-0").transition(Transition.FINETUNE)
                    .score("mmlu", Score.percent(parent + 25)).build());
            Finding f = of(r, DetectorId.S3).get(0);
            assertTrue(f.message().contains("+25.00 points from parent org/base-0"), f.message());
            assertEquals(parent + 2, f.expected().low(), 1);
        }

        @Test
        void aTypicalFineTuneGainIsNot() {
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(family(0)));
            double parent = d.population().models().get(0).scores().get("mmlu").points();
            assertTrue(of(d.check(ModelScores.builder("org/new").parent("org/base-0").transition(Transition.FINETUNE)
                    .score("mmlu", Score.percent(parent + 2)).build()), DetectorId.S3).isEmpty());
        }

        @Test
        void aLaterVersionOfTheSameModelIsComparedWithItsEarlierOne() {
            List<ModelScores> rows = family(0);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            rows.add(ModelScores.builder("org/evolving").asOf(t).score("mmlu", Score.percent(50)).build());
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows));
            AnomalyReport r = d.check(ModelScores.builder("org/evolving").asOf(t.plusSeconds(86400)).score("mmlu", Score.percent(80)).build());
            Finding f = of(r, DetectorId.S3).get(0);
            assertTrue(f.message().contains("earlier version"), f.message());
        }

        @Test
        void aParentOutsideThePopulationIsSaid() {
            AnomalyReport r = AnomalyDetector.fit(Population.ofTable(family(0)))
                    .check(ModelScores.builder("org/new").parent("org/unknown").score("mmlu", Score.percent(50)).build());
            assertTrue(r.skipped().stream().anyMatch(s -> s.detector() == DetectorId.S3 && s.reason().contains("org/unknown")));
        }
    }

    @Nested
    class S4TwinGap {
        private AnomalyDetector detector() {
            List<ModelScores> rows = new ArrayList<>();
            Random r = new Random(5);
            for (int i = 0; i < 30; i++) {
                double g = 20 + 60 * r.nextDouble();
                rows.add(ModelScores.builder("org/m" + i).score("gsm8k", Score.proportion(Math.round(g / 100 * 1319) / 1319.0))
                        .score("gsm1k", Score.proportion(Math.round((g - 2 + r.nextGaussian()) / 100 * 1250) / 1250.0)).build());
            }
            return AnomalyDetector.fit(Population.ofTable(rows));
        }

        @Test
        void muchBetterOnThePublicSetThanOnItsContaminationFreeTwinIsFlagged() {
            AnomalyReport r = detector().check(ModelScores.builder("org/x").score("gsm8k", Score.proportion(800 / 1319.0))
                    .score("gsm1k", Score.proportion(500 / 1250.0)).build());
            Finding f = of(r, DetectorId.S4).get(0);
            assertEquals("gsm8k", f.benchmark());
            assertTrue(f.message().contains("contamination-free twin gsm1k"), f.message());
        }

        @Test
        void theUsualGapIsNot() {
            AnomalyReport r = detector().check(ModelScores.builder("org/x").score("gsm8k", Score.proportion(660 / 1319.0))
                    .score("gsm1k", Score.proportion(600 / 1250.0)).build());
            assertTrue(of(r, DetectorId.S4).isEmpty(), r.findings().toString());
        }
    }

    @Nested
    class D1CopiedResult {
        private final String[] b = {"mmlu", "hellaswag", "arc_challenge", "winogrande"};

        @Test
        void anotherModelWithTheIdenticalVectorIsFlagged() {
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53))));
            Finding f = of(d.check(Synthetic.row("org/renamed", null, b, 61.2, 80.11, 58.7, 75.53)), DetectorId.D1).get(0);
            assertTrue(f.message().contains("org/original"), f.message());
            assertEquals("arc_challenge,hellaswag,mmlu,winogrande", f.benchmark());
        }

        @Test
        void theSameVectorInAnotherUnitIsStillACopy() {
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53))));
            ModelScores proportions = ModelScores.builder("org/renamed").score("mmlu", Score.proportion(0.612))
                    .score("hellaswag", Score.proportion(0.8011)).score("arc_challenge", Score.proportion(0.587))
                    .score("winogrande", Score.proportion(0.7553)).build();
            assertEquals(1, of(d.check(proportions), DetectorId.D1).size());
        }

        /** A column with both units: a proportion the population lacks is still matched by its text against the percent values. */
        @Test
        void aCopyIsFoundInAColumnOfBothUnits() {
            ModelScores inProportions = ModelScores.builder("org/proportions").score("mmlu", Score.proportion(0.501))
                    .score("hellaswag", Score.proportion(0.702)).score("arc_challenge", Score.proportion(0.403))
                    .score("winogrande", Score.proportion(0.604)).build();
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(inProportions,
                    Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53))));
            ModelScores copy = ModelScores.builder("org/renamed").score("mmlu", Score.proportion(0.612))
                    .score("hellaswag", Score.proportion(0.8011)).score("arc_challenge", Score.proportion(0.587))
                    .score("winogrande", Score.proportion(0.7553)).build();
            Finding f = of(d.check(copy), DetectorId.D1).get(0);
            assertTrue(f.message().contains("org/original") && !f.message().contains("org/proportions"), f.message());
            ModelScores inPercent = Synthetic.row("org/renamed", null, b, 50.1, 70.2, 40.3, 60.4);
            assertTrue(of(d.check(inPercent), DetectorId.D1).get(0).message().contains("org/proportions"));
        }

        @Test
        void oneDifferentValueOrItsOwnRowIsNoCopy() {
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53))));
            assertTrue(of(d.check(Synthetic.row("org/renamed", null, b, 61.2, 80.11, 58.7, 75.54)), DetectorId.D1).isEmpty());
            assertTrue(of(d.check(Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53)), DetectorId.D1).isEmpty());
        }

        @Test
        void itsOwnRowsNeverCountButAnotherIdBesideThemDoes() {
            ModelScores v1 = Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53);
            ModelScores v2 = Synthetic.row("org/original", null, b, 61.2, 80.11, 58.7, 75.53); // a second version, unchanged
            ModelScores other = Synthetic.row("org/other", null, b, 50.1, 70.2, 40.3, 60.4);
            AnomalyDetector alone = AnomalyDetector.fit(Population.ofTable(List.of(other, v1, v2)));
            assertTrue(of(alone.check(v1), DetectorId.D1).isEmpty());
            ModelScores copy = Synthetic.row("org/renamed", null, b, 61.2, 80.11, 58.7, 75.53);
            AnomalyDetector copied = AnomalyDetector.fit(Population.ofTable(List.of(other, v1, copy, v2)));
            Finding f = of(copied.check(v2), DetectorId.D1).get(0);
            assertEquals(1, f.statistic().value(), f.message());
            assertTrue(f.message().contains("org/renamed") && !f.message().contains("org/original"), f.message());
        }

        @Test
        void zerosAndHundredsDoNotMakeACopy() {
            String[] three = {"gsm8k", "humaneval", "mmlu"};
            AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(List.of(Synthetic.row("org/a", null, three, 0, 0, 61.2))));
            AnomalyReport r = d.check(Synthetic.row("org/b", null, three, 0, 0, 61.2));
            assertTrue(of(r, DetectorId.D1).isEmpty());
            assertTrue(r.skipped().stream().anyMatch(s -> s.detector() == DetectorId.D1));
        }
    }
}
