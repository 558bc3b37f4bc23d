package org.evalledger.anomaly;

/**
 * R1: a score outside 0–100 points is an error; below chance − 3·SE0 (SE0 = √(c(1−c)/n)) is
 * "below chance: scoring bug?"; above the benchmark's known ceiling is suspicious.
 */
final class RangeCheck {
    private RangeCheck() {}

    static void run(Check c, boolean rangeChecked) {
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            double x = c.scores[k].points();
            String metric = c.metric(k);
            if (x < 0 || x > 100) {
                if (!rangeChecked) {
                    c.error(DetectorId.R1, b, metric, x, Expected.range(0, 100),
                        () -> b + " " + Check.fmt(x) + " points is outside the metric's range 0-100: a unit or scoring error");
                }
                continue;
            }
            Benchmark bm = c.entries[k];
            if (bm == null) {
                c.skip(DetectorId.R1, () -> b + ": not in the catalogue, so its chance level and ceiling are unknown");
                continue;
            }
            Double chance = bm.chance();
            if (chance != null && chance > 0) {
                Long n = c.items(k);
                if (n == null) {
                    c.skip(DetectorId.R1, () -> b + ": no item count, so the below-chance test cannot run");
                } else {
                    double se0 = 100 * Math.sqrt(chance * (1 - chance) / n);
                    double bound = 100 * chance - c.config.r1ChanceSigmas * se0;
                    if (x < bound) {
                        c.flag(DetectorId.R1, b, metric, x, Expected.atLeast(bound), new Statistic("se_from_chance", (x - 100 * chance) / se0),
                                () -> b + " " + Check.fmt(x) + " is below chance (" + Check.fmt(100 * chance) + ") by "
                                        + Check.z((100 * chance - x) / se0) + " standard errors: scoring bug?");
                    }
                }
            }
            if (bm.ceiling() != null && x > 100 * bm.ceiling()) {
                c.flag(DetectorId.R1, b, metric, x, Expected.atMost(100 * bm.ceiling()), null,
                        () -> b + " " + Check.fmt(x) + " is above the benchmark's ceiling " + Check.fmt(100 * bm.ceiling())
                                + " (answer-key errors cap what a correct model can score)");
            }
        }
    }
}
