package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Fitting never throws for any population, and a check never throws for any candidate (the
 * detector's contract): populations of 0 to 80 rows over 1 to 50 benchmarks, each row holding each
 * benchmark with some probability (every row every benchmark, at the highest), scores that follow a
 * shared skill or are noise, values of 0 and 100 among them, rows without a size, repeated model ids;
 * candidates with a random part of the benchmarks, some the population never saw, as rows and as the
 * population's own rows. Fitted with the default thresholds and with the smallest S2 population
 * the configuration allows (5 models), where the regressions have the fewest rows.
 */
class CheckNeverThrowsTest {
    @Property(tries = 150)
    void anyPopulationFitsAndAnyCandidateIsChecked(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int rows,
            @ForAll @IntRange(min = 1, max = 50) int benchmarks, @ForAll @IntRange(min = 1, max = 10) int coverageTenths,
            @ForAll boolean smallS2) {
        Random r = new Random(seed);
        double coverage = coverageTenths / 10.0;
        List<ModelScores> population = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            population.add(row(r, "org/m" + r.nextInt(Math.max(1, rows / 2 + 1)), benchmarks, coverage));
        }
        AnomalyConfig config = smallS2 ? AnomalyConfig.builder().s2MinModels(5).build() : AnomalyConfig.defaults();
        AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(population), config);
        for (int c = 0; c < 5; c++) {
            ModelScores candidate = row(r, "org/candidate" + c, benchmarks + 3, r.nextDouble());
            checked(detector, candidate);
        }
        for (int i = 0; i < Math.min(rows, 5); i++) {
            checked(detector, population.get(i));
        }
    }

    private static void checked(AnomalyDetector detector, ModelScores candidate) {
        AnomalyReport report = detector.check(candidate);
        assertTrue(Double.isFinite(report.suspicion()) && report.suspicion() >= 0, "suspicion " + report.suspicion());
        assertEquals(candidate.modelId(), report.modelId());
    }

    /** A row: each benchmark with probability {@code coverage} (at least one), scores around a skill or noise. */
    private static ModelScores row(Random r, String id, int benchmarks, double coverage) {
        ModelScores.Builder b = ModelScores.builder(id).parameters(r.nextInt(4) == 0 ? null : (long) (1e8 + r.nextDouble() * 7e10));
        double skill = r.nextGaussian();
        boolean noise = r.nextInt(5) == 0;
        int added = 0;
        for (int k = 0; k < benchmarks; k++) {
            if (r.nextDouble() < coverage || k == benchmarks - 1 && added == 0) {
                double v = switch (r.nextInt(20)) {
                    case 0 -> 0;
                    case 1 -> 100;
                    default -> noise ? 100 * r.nextDouble() : 50 + 12 * skill + 4 * r.nextGaussian();
                };
                b.score("bench_" + k, Score.percent(Synthetic.round(Math.min(100, Math.max(0, v)))));
                added++;
            }
        }
        return b.build();
    }
}
