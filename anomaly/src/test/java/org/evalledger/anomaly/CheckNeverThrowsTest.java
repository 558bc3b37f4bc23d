package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.evalledger.core.Derivation;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;

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

    /**
     * The same for records: populations and candidates built from records of the catalogue's
     * benchmarks, at their n-shot or another, with the catalogue's metric or another, in proportion,
     * percent, count or no unit, values inside and outside their ranges, with and without stderr
     * (0 among them), item counts and samples (1 among them), subtasks, and several versions of one
     * model id at different times; the version jumps between any two of a model's records as well.
     */
    @Property(tries = 100)
    void anyRecordPopulationFitsAndAnyRecordIsChecked(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int records,
            @ForAll @IntRange(min = 1, max = 10) int models) {
        Random r = new Random(seed);
        List<Benchmark> catalogue = new ArrayList<>(Catalogue.defaults().benchmarks());
        List<EvaluationRecord> population = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            population.add(record(r, "org/m" + r.nextInt(models), i, catalogue));
        }
        AnomalyDetector detector = AnomalyDetector.fit(Population.of(population));
        for (int c = 0; c < 5; c++) {
            EvaluationRecord candidate = record(r, "org/m" + r.nextInt(models + 2), records + c, catalogue);
            AnomalyReport report = detector.check(candidate);
            assertTrue(Double.isFinite(report.suspicion()) && report.suspicion() >= 0, "suspicion " + report.suspicion());
            if (!population.isEmpty()) {
                EvaluationRecord older = population.get(r.nextInt(population.size()));
                for (VersionJump j : detector.versionJumps(older, candidate)) {
                    assertTrue(benchmarks(older).contains(j.benchmark()) && benchmarks(candidate).contains(j.benchmark()),
                            j.benchmark() + " is a benchmark of both records");
                    assertEquals(j.newer() - j.older(), j.delta(), j.toString());
                    assertTrue(Double.isFinite(j.delta()) && j.noise() >= 0, j.toString());
                }
            }
        }
    }

    private static java.util.Set<String> benchmarks(EvaluationRecord record) {
        java.util.Set<String> out = new java.util.HashSet<>();
        record.results().forEach(result -> out.add(result.task().benchmark()));
        return out;
    }

    private static EvaluationRecord record(Random r, String model, int n, List<Benchmark> catalogue) {
        List<Result> results = new ArrayList<>();
        int count = 1 + r.nextInt(8);
        for (int k = 0; k < count; k++) {
            Benchmark b = catalogue.get(r.nextInt(catalogue.size()));
            Integer fewShot = r.nextInt(5) == 0 ? Integer.valueOf(r.nextInt(30)) : b.fewShot();
            String metric = r.nextInt(6) == 0 ? "other_metric" : b.metrics().get(r.nextInt(b.metrics().size()));
            MetricUnit unit = switch (r.nextInt(8)) {
                case 0 -> MetricUnit.PERCENT;
                case 1 -> MetricUnit.COUNT;
                case 2 -> null;
                default -> MetricUnit.PROPORTION;
            };
            double skill = 0.3 + 0.6 * r.nextDouble();
            double value = switch (r.nextInt(12)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> -0.05;
                case 3 -> 1.2;
                default -> skill;
            };
            if (unit == MetricUnit.PERCENT || unit == MetricUnit.COUNT) {
                value *= 100;
            }
            Metric.Builder m = Metric.builder(metric, Synthetic.round(value), r.nextInt(10) != 0).unit(unit);
            if (r.nextBoolean()) {
                m.stderr(new Metric.Stderr(r.nextInt(6) == 0 ? 0 : 0.05 * r.nextDouble(), null));
            }
            if (r.nextBoolean()) {
                m.n((long) (1 + r.nextInt(r.nextBoolean() ? 3 : 20_000)));
            }
            Task.Builder task = Task.builder(b.id()).fewShot(fewShot);
            if (r.nextInt(4) == 0) {
                task.samples(new Task.Samples(null, 1 + r.nextInt(r.nextBoolean() ? 2 : 5_000)));
            }
            if (r.nextInt(8) == 0) {
                task.subtasks(List.of(b.id() + "_part"));
            }
            results.add(Result.of(task.build(), List.of(m.build())));
        }
        return EvaluationRecord.builder().recordId("rec-" + n)
                .createdAt(Timestamp.of(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * r.nextInt(400))))
                .model(Model.builder(model).parameters(r.nextInt(4) == 0 ? null : (long) (1e8 + r.nextDouble() * 7e10))
                        .baseModel(r.nextInt(3) == 0 ? "org/m" + r.nextInt(3) : null)
                        .derivation(r.nextBoolean() ? Derivation.values()[r.nextInt(Derivation.values().length)] : null).build())
                .producer(Producer.of("lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .results(results).build();
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
