package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quality figures of ANOMALY.md "Measured quality", computed on the real leaderboard tables
 * exactly as that section defines them, and printed as one table. Run it with
 * {@code mvn -pl anomaly -am test -Dtest=LeaderboardQualityTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (the test prints the table) — the README's anomaly section shows its output.
 */
final class QualityReport {
    static final double THRESHOLD = 3.5;

    /** Per-detector figures on the v1 table's unique models. */
    record DetectorRow(DetectorId detector, int flags, double falseFlagRate, double recallFlagged, double recallContamination) {}

    record Figures(int rows, int models, int brokenModels, int unflagged, int flagged, int contamination,
            Map<DetectorId, DetectorRow> detectors, double falseFlagS1S2, double recallS1S2Flagged, double recallS1S2Contamination,
            double aurocFlagged, double aurocContamination, double aurocS1Contamination, double aurocS2Contamination,
            double aurocMaxContamination, int unflaggedWithD1, double r2PassRate, int r2Scores, double loboMae,
            double[] loboMaeByBenchmark, Map<String, AnomalyReport> reports, long fitMillis, long scoreMillis) {}

    private QualityReport() {}

    static Figures compute() {
        List<LeaderboardTables.V1Row> rows = LeaderboardTables.v1();
        Map<String, LeaderboardTables.Flag> flags = LeaderboardTables.flags();
        List<ModelScores> table = rows.stream().map(LeaderboardTables.V1Row::scores).toList();
        long t0 = System.nanoTime();
        AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(table));
        long t1 = System.nanoTime();
        // one candidate per model id: its best-scoring row
        Map<String, LeaderboardTables.V1Row> best = new LinkedHashMap<>();
        for (LeaderboardTables.V1Row r : rows) {
            best.merge(r.scores().modelId(), r, (a, b) -> b.average() > a.average() ? b : a);
        }
        Map<String, AnomalyReport> reports = new LinkedHashMap<>();
        for (LeaderboardTables.V1Row r : best.values()) {
            reports.put(r.scores().modelId(), detector.check(r.scores()));
        }
        long t2 = System.nanoTime();
        // timing of scoring every row (not only the best ones)
        for (ModelScores m : table) {
            detector.check(m);
        }
        long t3 = System.nanoTime();

        Set<String> flaggedIds = new TreeSet<>();
        Set<String> contamination = new TreeSet<>();
        for (LeaderboardTables.V1Row r : best.values()) {
            String id = r.scores().modelId();
            LeaderboardTables.Flag f = flags.get(id);
            if (r.communityFlagged() || (f != null && f.inV1())) {
                flaggedIds.add(id);
            }
            if (f != null && f.inV1() && f.contamination()) {
                contamination.add(id);
            }
        }
        List<String> unflagged = new ArrayList<>();
        List<String> scored = new ArrayList<>(); // non-broken candidates
        int broken = 0;
        for (Map.Entry<String, AnomalyReport> e : reports.entrySet()) {
            boolean isBroken = !e.getValue().findings(DetectorId.R4).isEmpty();
            if (isBroken) {
                broken++;
                continue;
            }
            scored.add(e.getKey());
            if (!flaggedIds.contains(e.getKey())) {
                unflagged.add(e.getKey());
            }
        }
        Map<DetectorId, DetectorRow> perDetector = new EnumMap<>(DetectorId.class);
        for (DetectorId d : DetectorId.values()) {
            int n = 0; // models with a finding of this detector at any severity (S5 is information only)
            for (AnomalyReport r : reports.values()) {
                n += r.findings(d).isEmpty() ? 0 : 1;
            }
            perDetector.put(d, new DetectorRow(d, n, rate(unflagged, reports, d), recall(flaggedIds, scored, reports, d),
                    recall(contamination, scored, reports, d)));
        }
        int d1Unflagged = 0;
        for (String id : unflagged) {
            d1Unflagged += flaggedBy(reports.get(id), DetectorId.D1) ? 1 : 0;
        }
        double ff = rateS1S2(unflagged, reports);
        double recallAll = rateS1S2(scored.stream().filter(flaggedIds::contains).toList(), reports);
        double recallCont = rateS1S2(scored.stream().filter(contamination::contains).toList(), reports);

        double[] suspicion = new double[scored.size()];
        double[] s1 = new double[scored.size()];
        double[] s2 = new double[scored.size()];
        double[] max = new double[scored.size()];
        boolean[] isFlagged = new boolean[scored.size()];
        boolean[] isCont = new boolean[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            AnomalyReport r = reports.get(scored.get(i));
            suspicion[i] = r.suspicion();
            isFlagged[i] = flaggedIds.contains(scored.get(i));
            isCont[i] = contamination.contains(scored.get(i));
        }
        // the single-detector scores, for the comparison ANOMALY.md asks for ("better than a max")
        Map<String, double[]> zs = singleScores(detector, best, scored);
        for (int i = 0; i < scored.size(); i++) {
            double[] z = zs.get(scored.get(i));
            s1[i] = z[0];
            s2[i] = z[1];
            max[i] = Math.max(z[0], z[1]);
        }

        int r2Scores = 0;
        int r2Pass = 0;
        for (ModelScores m : table) {
            int rowDecimals = m.scores().values().stream().mapToInt(s -> AttainableCheck.decimals(s.value())).max().orElse(0);
            for (String b : List.of("arc_challenge", "winogrande", "gsm8k")) {
                Score s = m.scores().get(b);
                r2Scores++;
                r2Pass += AttainableCheck.attainable(s.value(), 100, detector.population().catalogue().find(b).get().items(), rowDecimals)
                        ? 1 : 0;
            }
        }
        double[] byBenchmark = new double[LeaderboardTables.OBS_COLUMNS.size()];
        double lobo = leaveOneBenchmarkOut(byBenchmark);
        return new Figures(rows.size(), best.size(), broken, unflagged.size(), (int) scored.stream().filter(flaggedIds::contains).count(),
                (int) scored.stream().filter(contamination::contains).count(), perDetector, ff, recallAll, recallCont,
                auroc(suspicion, isFlagged), auroc(suspicion, isCont), auroc(s1, isCont), auroc(s2, isCont), auroc(max, isCont),
                d1Unflagged, (double) r2Pass / r2Scores, r2Scores, lobo, byBenchmark, reports, (t1 - t0) / 1_000_000,
                (t3 - t2) / 1_000_000);
    }

    /** Per candidate: the largest S1 z and the largest S2 z (0 when a detector did not score it). */
    private static Map<String, double[]> singleScores(AnomalyDetector detector, Map<String, LeaderboardTables.V1Row> best,
            List<String> scored) {
        Map<String, double[]> out = new HashMap<>();
        for (String id : scored) {
            Check c = new Check(best.get(id).scores(), detector.population().catalogue(), detector.config());
            detector.peers().run(c);
            detector.residuals().run(c);
            double z1 = c.s1zById().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double z2 = c.s2zById().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            out.put(id, new double[] {z1, z2});
        }
        return out;
    }

    private static boolean flaggedBy(AnomalyReport r, DetectorId d) {
        return r.findings(d).stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING));
    }

    private static boolean flaggedS1S2(AnomalyReport r) {
        return flaggedBy(r, DetectorId.S1) || flaggedBy(r, DetectorId.S2);
    }

    private static double rate(List<String> ids, Map<String, AnomalyReport> reports, DetectorId d) {
        return ids.isEmpty() ? 0 : ids.stream().filter(id -> flaggedBy(reports.get(id), d)).count() / (double) ids.size();
    }

    private static double recall(Set<String> positives, List<String> scored, Map<String, AnomalyReport> reports, DetectorId d) {
        List<String> p = scored.stream().filter(positives::contains).toList();
        return rate(p, reports, d);
    }

    private static double rateS1S2(List<String> ids, Map<String, AnomalyReport> reports) {
        return ids.isEmpty() ? 0 : ids.stream().filter(id -> flaggedS1S2(reports.get(id))).count() / (double) ids.size();
    }

    /** Area under the ROC curve: the probability that a random positive scores above a random negative (ties count half). */
    static double auroc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = avg;
            }
            i = j + 1;
        }
        double sumPos = 0;
        long pos = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                sumPos += rank[i];
                pos++;
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * ANOMALY.md's leave-one-benchmark-out error on the base-model matrix: for each benchmark j and
     * model m, fit on the other models a 3-component PCA of the standardised other 7 benchmarks and a
     * linear regression of j on the components, predict m's j; the mean absolute error in points.
     */
    static double leaveOneBenchmarkOut(double[] byBenchmark) {
        List<double[]> m = new ArrayList<>(LeaderboardTables.obsScalingComplete().values());
        int n = m.size();
        int p = LeaderboardTables.OBS_COLUMNS.size();
        double total = 0;
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double[][] train = new double[n - 1][p - 1];
                double[] target = new double[n - 1];
                int r = 0;
                for (int k = 0; k < n; k++) {
                    if (k == i) {
                        continue;
                    }
                    train[r] = others(m.get(k), j);
                    target[r++] = m.get(k)[j];
                }
                double predicted = Pca.predict(train, target, others(m.get(i), j), 3);
                sum += Math.abs(predicted - m.get(i)[j]);
            }
            byBenchmark[j] = sum / n;
            total += sum;
        }
        return total / (n * p);
    }

    static int obsScalingModels() {
        return LeaderboardTables.obsScalingComplete().size();
    }

    private static double[] others(double[] row, int j) {
        double[] out = new double[row.length - 1];
        for (int k = 0, r = 0; k < row.length; k++) {
            if (k != j) {
                out[r++] = row[k];
            }
        }
        return out;
    }

    /** The table the README shows. */
    static String table(Figures f) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Open LLM Leaderboard v1: %d rows, %d models (best row each), %d broken runs (R4) set aside,%n",
                f.rows(), f.models(), f.brokenModels()));
        sb.append(String.format(Locale.ROOT, "  %d unflagged, %d community-flagged, %d flagged for contamination; threshold %.1f%n",
                f.unflagged(), f.flagged(), f.contamination(), THRESHOLD));
        sb.append(String.format(Locale.ROOT, "%-8s %-26s %7s %12s %16s %18s%n", "detector", "name", "models", "false-flag", "recall:flagged",
                "recall:contaminated"));
        for (DetectorRow r : f.detectors().values()) {
            sb.append(String.format(Locale.ROOT, "%-8s %-26s %7d %11.1f%% %15.1f%% %17.1f%%%n", r.detector(), r.detector().title(), r.flags(),
                    100 * r.falseFlagRate(), 100 * r.recallFlagged(), 100 * r.recallContamination()));
        }
        sb.append(String.format(Locale.ROOT, "%-35s %7s %11.1f%% %15.1f%% %17.1f%%%n", "S1 or S2 (the flag rule)", "",
                100 * f.falseFlagS1S2(), 100 * f.recallS1S2Flagged(), 100 * f.recallS1S2Contamination()));
        sb.append(String.format(Locale.ROOT, "AUROC of the suspicion score: %.3f against community flags, %.3f against contamination%n",
                f.aurocFlagged(), f.aurocContamination()));
        sb.append(String.format(Locale.ROOT, "  (contamination: S1 alone %.3f, S2 alone %.3f, max(S1, S2) %.3f)%n", f.aurocS1Contamination(),
                f.aurocS2Contamination(), f.aurocMaxContamination()));
        sb.append(String.format(Locale.ROOT, "D1: %d unflagged models share every score with a differently named model%n", f.unflaggedWithD1()));
        sb.append(String.format(Locale.ROOT, "R2: %.2f%% of %d ARC/Winogrande/GSM8K scores are k/n%n", 100 * f.r2PassRate(), f.r2Scores()));
        sb.append(String.format(Locale.ROOT, "Leave-one-benchmark-out MAE on %d base models x 8 benchmarks (PCA-3 + OLS): %.2f points%n",
                obsScalingModels(), f.loboMae()));
        StringBuilder per = new StringBuilder();
        for (int j = 0; j < f.loboMaeByBenchmark().length; j++) {
            per.append(String.format(Locale.ROOT, "%s %.1f  ", LeaderboardTables.OBS_COLUMNS.get(j), f.loboMaeByBenchmark()[j]));
        }
        sb.append("  ").append(per.toString().strip()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "Fit on %d rows: %d ms; scoring all %d rows: %d ms%n", f.rows(), f.fitMillis(), f.rows(),
                f.scoreMillis()));
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(table(compute()));
    }
}
