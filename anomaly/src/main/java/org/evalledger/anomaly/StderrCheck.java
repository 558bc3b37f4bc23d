package org.evalledger.anomaly;

/**
 * R3: lm-evaluation-harness reports the stderr of a mean of 0/1 scores as √(p(1−p)/(n−1)), so a
 * reported stderr s implies n̂ = 1 + p(1−p)/s² items. For a single count task n̂ must lie within
 * [0.9n, 1.1n]. For a grouped task (subtasks, or a macro benchmark) and for non-binary scores
 * (whose variance is at most p(1−p)) only n̂ < 0.9n is a contradiction: the stderr claims fewer
 * items than the result does. A stderr of 0 with 0 < p < 1 is impossible.
 */
final class StderrCheck {
    private StderrCheck() {}

    static void run(Check c) {
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Score s = c.scores[k];
            if (s.stderr() == null) {
                continue;
            }
            double p = s.points() / 100;
            if (p < 0 || p > 1) {
                continue; // R1 reports it
            }
            Long n = c.items(k);
            String metric = c.metric(k);
            double se = s.stderrPoints() / 100;
            if (se == 0) {
                if (p > 0 && p < 1) {
                    c.flag(DetectorId.R3, b, metric, 0, null, null,
                            () -> b + " reports stderr 0 for a score of " + Check.fmt(100 * p) + ": only 0 and 100 have no sampling error");
                }
                continue;
            }
            if (n == null) {
                c.skip(DetectorId.R3, () -> b + ": no item count to compare the stderr with");
                continue;
            }
            Benchmark entry = c.entries[k];
            boolean exact = entry != null && entry.kind() == ScoreKind.COUNT && !s.grouped();
            double implied = 1 + p * (1 - p) / (se * se);
            double low = c.config.r3Low * n;
            double high = c.config.r3High * n;
            if (implied < low || (exact && implied > high)) {
                c.flag(DetectorId.R3, b, metric, implied, exact ? Expected.range(low, high) : Expected.atLeast(low),
                        new Statistic("implied_n_ratio", implied / n),
                        () -> b + " stderr " + Check.fmt(100 * se) + " implies " + Math.round(implied) + " items, but the result has "
                                + n + (exact ? "" : " (a grouped or non-binary score may imply more, never fewer)"));
            }
        }
    }
}
