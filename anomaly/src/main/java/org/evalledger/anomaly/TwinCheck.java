package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.anomaly.internal.Stats;

/**
 * S4: where a benchmark has a contamination-free twin ({@link Benchmark#twin()}: gsm8k ↔ gsm1k,
 * mmlu ↔ mmlu_cf) and the candidate has both, its gap x_benchmark − x_twin is compared with the
 * gaps of the population's models that have both: a robust z above 3.5 means it does much better
 * on the public test set than on the unseen one. Immutable after construction and thread-safe.
 */
final class TwinCheck {
    /** Per benchmark with a twin: the reference models' gaps, as their number, median and MAD (unfloored), taken at fit. */
    private final Map<String, Typical> gaps = new HashMap<>();

    TwinCheck(List<ModelScores> models, boolean[] excluded, Catalogue catalogue) {
        for (Benchmark b : catalogue.benchmarks()) {
            if (b.twin() == null) {
                continue;
            }
            List<Double> g = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                if (!excluded[i]) {
                    addGap(models.get(i), b.id(), b.twin(), g);
                }
            }
            gaps.put(b.id(), Typical.of(g));
        }
    }

    /**
     * Adds the model's gap between a benchmark and its twin, when it has both. A method per model, so
     * that a JIT compiles it after some hundreds of models instead of interpreting the fit's loop.
     */
    private static void addGap(ModelScores model, String benchmark, String twin, List<Double> gaps) {
        Score x = model.scores().get(benchmark);
        Score t = model.scores().get(twin);
        if (x != null && t != null) {
            gaps.add(x.points() - t.points());
        }
    }

    void run(Check c) {
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Benchmark entry = c.entries[k];
            String twin = entry == null ? null : entry.twin();
            if (twin == null) {
                continue;
            }
            Score t = c.model.scores().get(twin);
            if (t == null) {
                continue;
            }
            Typical ref = gaps.getOrDefault(b, Typical.NONE);
            if (ref.count() < c.config.s4MinModels) {
                c.skip(DetectorId.S4, () -> b + ": " + ref.count() + " population models have both it and " + twin + ", need "
                        + c.config.s4MinModels);
                continue;
            }
            double x = c.scores[k].points();
            double gap = x - t.points();
            double med = ref.median();
            double mad = Math.max(ref.mad(), c.config.s1MadFloor);
            double z = Stats.modifiedZ(gap, med, mad);
            if (z > c.config.s4Z) {
                c.flag(DetectorId.S4, b, c.metric(k), x, Expected.point(t.points() + med), Statistic.modifiedZ(z),
                        () -> b + " " + Check.fmt(x) + " is " + Check.fmt(gap) + " points above its contamination-free twin "
                                + twin + " (" + Check.fmt(t.points()) + "); models typically differ by " + Check.signed(med)
                                + ", robust z " + Check.z(z));
            }
        }
    }
}
