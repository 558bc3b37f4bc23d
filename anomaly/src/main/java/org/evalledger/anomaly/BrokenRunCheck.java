package org.evalledger.anomaly;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * R4: an easy benchmark (arc, hellaswag, winogrande: {@link Benchmark#easy()}) at or below
 * chance + 3·SE0 while another benchmark of the same model is at least 20 points above its chance:
 * the run of the easy one broke (wrong prompt format, truncated output), the model did not.
 * Broken runs are reported and kept out of the S1/S2 population.
 */
final class BrokenRunCheck {
    private BrokenRunCheck() {}

    /** The first broken easy benchmark of a row, or empty. */
    static Optional<String> brokenBenchmark(ModelScores m, Catalogue catalogue, AnomalyConfig config) {
        String strong = strongest(m, catalogue, config);
        if (strong == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Score> e : m.scores().entrySet()) {
            if (atChance(e.getKey(), e.getValue(), catalogue, config)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    static void run(Check c) {
        String strong = strongest(c.model, c.catalogue, c.config);
        for (Map.Entry<String, Score> e : c.model.scores().entrySet()) {
            String b = e.getKey();
            if (c.entry(b).isEmpty()) {
                c.skip(DetectorId.R4, b + ": not in the catalogue, so whether it is easy and its chance level are unknown");
                continue;
            }
            if (strong != null && atChance(b, e.getValue(), c.catalogue, c.config)) {
                Benchmark bm = c.entry(b).get();
                double chance = 100 * bm.chanceOrZero();
                double other = c.model.scores().get(strong).points() - 100 * c.catalogue.find(strong).get().chanceOrZero();
                c.flag(DetectorId.R4, b, c.metric(b, e.getValue()), e.getValue().points(), Expected.atLeast(chance), null,
                        "broken run: " + b + " " + Check.fmt(e.getValue().points()) + " is at chance (" + Check.fmt(chance)
                                + ") while " + strong + " is " + Check.fmt(other) + " points above its chance");
            }
        }
    }

    private static boolean atChance(String b, Score s, Catalogue catalogue, AnomalyConfig config) {
        Optional<Benchmark> e = catalogue.find(b);
        if (e.isEmpty() || !e.get().easy() || e.get().chance() == null) {
            return false;
        }
        double c = e.get().chance();
        Long n = s.n() != null ? s.n() : e.get().items();
        double se0 = n == null ? 0 : 100 * Math.sqrt(c * (1 - c) / n);
        return s.points() <= 100 * c + config.r4ChanceSigmas * se0;
    }

    /** The benchmark furthest above its chance, when it is at least the configured distance above. */
    private static @Nullable String strongest(ModelScores m, Catalogue catalogue, AnomalyConfig config) {
        String best = null;
        double bestGap = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Score> e : m.scores().entrySet()) {
            Optional<Benchmark> bm = catalogue.find(e.getKey());
            if (bm.isEmpty() || bm.get().chance() == null) {
                continue;
            }
            double gap = e.getValue().points() - 100 * bm.get().chance();
            if (gap > bestGap) {
                bestGap = gap;
                best = e.getKey();
            }
        }
        return bestGap >= config.r4OtherAboveChance ? best : null;
    }
}
