package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A detector caches what it works out on first use (S2's regressions per set of benchmarks, and
 * their coefficients with masked outliers left out): a report never depends on what was checked
 * before it. Every row of the v2 leaderboard, checked first against a fresh detector, then again
 * against the same (now warm) one, and in reverse order against another fresh one, gets the same
 * report each time.
 */
class CacheTransparencyTest {
    @Test
    void reportsDoNotDependOnWhatWasCheckedBefore() {
        List<ModelScores> rows = LeaderboardTables.v2();
        AnomalyDetector first = AnomalyDetector.fit(Population.ofTable(rows));
        List<AnomalyReport> cold = new ArrayList<>();
        for (ModelScores m : rows) {
            cold.add(first.check(m));
        }
        AnomalyDetector second = AnomalyDetector.fit(Population.ofTable(rows));
        List<AnomalyReport> reversed = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            reversed.add(0, second.check(rows.get(i)));
        }
        int masked = 0;
        for (int i = 0; i < rows.size(); i++) {
            AnomalyReport warm = first.check(rows.get(i));
            assertEquals(cold.get(i), warm, rows.get(i).modelId());
            assertEquals(cold.get(i), reversed.get(i), rows.get(i).modelId());
            masked += cold.get(i).findings(DetectorId.S2).isEmpty() ? 0 : 1;
        }
        assertTrue(masked > 10, "the table exercises S2's flags (and so its masked rounds): " + masked);
    }

    /**
     * The set of benchmarks most population rows have is fitted with the detector, so that the first
     * checks of that set do not wait for one of them to fit it; other sets are fitted on first use.
     */
    @Test
    void theCommonSetIsFittedWithTheDetectorAndOthersOnFirstUse() {
        List<ModelScores> rows = LeaderboardTables.v2();
        AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(rows));
        assertEquals(1, detector.residuals().fittedSets(), "fitted with the detector, before any check");
        ModelScores full = rows.stream().max(java.util.Comparator.comparingInt(m -> m.scores().size())).orElseThrow();
        detector.check(full);
        assertEquals(1, detector.residuals().fittedSets(), "a row with every benchmark of the table: the set fitted already");
        ModelScores.Builder two = ModelScores.builder("org/two-benchmarks").parameters(full.parameters());
        full.scores().entrySet().stream().limit(2).forEach(e -> two.score(e.getKey(), e.getValue()));
        detector.check(two.build());
        assertEquals(2, detector.residuals().fittedSets(), "another set: fitted on first use");
    }
}
