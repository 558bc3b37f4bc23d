package org.evalledger.anomaly;

import java.util.*;

class Debug {
    public static void main(String[] a) {
        List<ModelScores> v2 = LeaderboardTables.v2();
        AnomalyDetector det = AnomalyDetector.fit(Population.ofTable(v2));
        Set<String> seen = new HashSet<>();
        Map<String, int[]> hits = new TreeMap<>();
        for (ModelScores m : v2) {
            if (!seen.add(m.modelId()) || m.parameters() == null || m.scores().size() != 6 || det.check(m).flagged()) continue;
            Check c0 = new Check(m, det.population().catalogue(), det.config());
            det.peers().run(c0); det.residuals().run(c0);
            if (!(c0.s1z.size() == 6 && c0.s2z.size() == 6 && c0.s1z.values().stream().allMatch(z -> Math.abs(z) <= 2) && c0.s2z.values().stream().allMatch(z -> Math.abs(z) <= 2))) continue;
            for (String b : m.scores().keySet()) {
                double v = m.scores().get(b).value() + 0.15;
                if (v > 1) continue;
                AnomalyReport r = det.check(m.toBuilder().score(b, Score.proportion(v)).build());
                boolean s = r.findings().stream().anyMatch(f -> (f.detector()==DetectorId.S1||f.detector()==DetectorId.S2) && f.benchmark().equals(b));
                int[] h = hits.computeIfAbsent(b, k -> new int[2]); h[0] += s ? 1 : 0; h[1]++;
            }
        }
        hits.forEach((b, h) -> System.out.println(b + " " + h[0] + "/" + h[1]));
    }
}
