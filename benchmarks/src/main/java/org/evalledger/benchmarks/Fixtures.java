package org.evalledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.evalledger.anomaly.ModelScores;
import org.evalledger.anomaly.Score;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;

/** Inputs for the benchmarks, generated deterministically. */
final class Fixtures {
    static final String[] SIX = {"arc_challenge", "hellaswag", "mmlu", "truthfulqa_mc2", "winogrande", "gsm8k"};
    private static final String[] SIX_METRICS = {"acc_norm", "acc_norm", "acc", "mc2", "acc", "exact_match"};
    private static final int[] SIX_SHOTS = {25, 10, 5, 0, 5, 5};
    private static final int[] SIX_ITEMS = {1172, 10042, 14042, 817, 1267, 1319};

    private Fixtures() {}

    /** A record with {@code results} results: the six v1 benchmarks first (k/n values), then house benchmarks. */
    static EvaluationRecord record(String model, long params, double ability, int results, long seed) {
        Random r = new Random(seed);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            int b = i % SIX.length;
            int items = i < SIX.length ? SIX_ITEMS[b] : 500;
            double p = Math.min(0.98, Math.max(0.02, 0.3 + 0.5 * ability + 0.02 * r.nextGaussian()));
            double value = Math.round(p * items) / (double) items;
            Metric m = Metric.builder(i < SIX.length ? SIX_METRICS[b] : "acc", value, true).n((long) items)
                    .stderr(new Metric.Stderr(Math.sqrt(value * (1 - value) / (items - 1)), null)).build();
            Task t = i < SIX.length ? Task.builder(SIX[b]).fewShot(SIX_SHOTS[b]).build() : Task.builder("house_task_" + i).fewShot(0).build();
            out.add(Result.of(t, List.of(m)));
        }
        return EvaluationRecord.builder().recordId("bench:" + model).createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.builder(model).parameters(params).build())
                .producer(Producer.of("Bench Lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN)).results(out).build();
    }

    /** A table of {@code models} rows × {@code benchmarks} benchmarks following one latent ability. */
    static List<ModelScores> table(int models, int benchmarks, long seed) {
        return table(models, benchmarks, seed, "org/model-");
    }

    /** The same with another id prefix (uploads of models the population does not hold). */
    static List<ModelScores> table(int models, int benchmarks, long seed, String prefix) {
        Random r = new Random(seed);
        List<ModelScores> rows = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            long params = Math.round(Math.pow(10, 9 + 2 * r.nextDouble()));
            double a = 0.2 + 0.25 * (Math.log10(params) - 9) + 0.08 * r.nextGaussian();
            ModelScores.Builder b = ModelScores.builder(prefix + i).parameters(params);
            for (int j = 0; j < benchmarks; j++) {
                double p = Math.min(0.99, Math.max(0.01, 0.25 + 0.6 * a + 0.02 * r.nextGaussian() + 0.01 * j));
                b.score(j < SIX.length ? SIX[j] : "bench_" + j, Score.proportion(Math.round(p * 1000) / 1000.0));
            }
            rows.add(b.build());
        }
        return rows;
    }
}
