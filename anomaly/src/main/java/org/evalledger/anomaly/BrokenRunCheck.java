package org.evalledger.anomaly;

/**
 * R4: an easy benchmark (arc, hellaswag, winogrande: {@link Benchmark#easy()}) at or below
 * chance + 3·SE0 while another benchmark of the same model is at least 20 points above its chance:
 * the run of the easy one broke (wrong prompt format, truncated output), the model did not.
 * Broken runs are reported and kept out of the S1/S2 population.
 */
final class BrokenRunCheck {
    private BrokenRunCheck() {}

    /** Whether the candidate is a broken run: an easy benchmark at chance while another is far above its chance. */
    static boolean broken(Check c) {
        if (strongest(c) < 0) {
            return false;
        }
        for (int k = 0; k < c.size(); k++) {
            if (atChance(c, k)) {
                return true;
            }
        }
        return false;
    }

    static void run(Check c) {
        int strong = strongest(c);
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Benchmark bm = c.entries[k];
            if (bm == null) {
                c.skip(DetectorId.R4, () -> b + ": not in the catalogue, so whether it is easy and its chance level are unknown");
                continue;
            }
            if (strong >= 0 && atChance(c, k)) {
                double chance = 100 * bm.chanceOrZero();
                double x = c.scores[k].points();
                double other = c.scores[strong].points() - 100 * c.entries[strong].chanceOrZero();
                c.flag(DetectorId.R4, b, c.metric(k), x, Expected.atLeast(chance), null,
                        () -> "broken run: " + b + " " + Check.fmt(x) + " is at chance (" + Check.fmt(chance)
                                + ") while " + c.ids[strong] + " is " + Check.fmt(other) + " points above its chance");
            }
        }
    }

    private static boolean atChance(Check c, int k) {
        Benchmark e = c.entries[k];
        if (e == null || !e.easy() || e.chance() == null) {
            return false;
        }
        double chance = e.chance();
        Score s = c.scores[k];
        Long n = s.n() != null ? s.n() : e.items();
        double se0 = n == null ? 0 : 100 * Math.sqrt(chance * (1 - chance) / n);
        return s.points() <= 100 * chance + c.config.r4ChanceSigmas * se0;
    }

    /** The position of the benchmark furthest above its chance when it is at least the configured distance above, else -1. */
    private static int strongest(Check c) {
        int best = -1;
        double bestGap = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c.size(); k++) {
            Benchmark bm = c.entries[k];
            if (bm == null || bm.chance() == null) {
                continue;
            }
            double gap = c.scores[k].points() - 100 * bm.chance();
            if (gap > bestGap) {
                bestGap = gap;
                best = k;
            }
        }
        return bestGap >= c.config.r4OtherAboveChance ? best : -1;
    }
}
