package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The working state of one candidate's check: what each detector found or skipped. The candidate's
 * benchmarks are laid out once, in id order, as arrays that every detector indexes by position
 * (a benchmark's position k is the same for all of them), with each one's catalogue entry looked up
 * once. Not thread-safe.
 */
final class Check {
    final ModelScores model;
    final AnomalyConfig config;
    final List<Finding> findings = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    /** The candidate's benchmark ids in id order (the order of {@code model.scores()}). */
    final String[] ids;
    /** Their scores, by position. */
    final Score[] scores;
    /** Their catalogue entries, by position; null when the catalogue does not have the benchmark. */
    final @Nullable Benchmark[] entries;
    /** Inflation-side z per position, for the suspicion score: S1's and S2's, where {@code hasS1z}/{@code hasS2z} say there is one. */
    final double[] s1z;
    final double[] s2z;
    final boolean[] hasS1z;
    final boolean[] hasS2z;

    Check(ModelScores model, Catalogue catalogue, AnomalyConfig config) {
        this.model = model;
        this.config = config;
        Map<String, Score> all = model.scores();
        int n = all.size();
        ids = new String[n];
        scores = new Score[n];
        entries = new Benchmark[n];
        int k = 0;
        for (Map.Entry<String, Score> e : all.entrySet()) {
            ids[k] = e.getKey();
            scores[k] = e.getValue();
            entries[k++] = catalogue.find(e.getKey()).orElse(null);
        }
        s1z = new double[n];
        s2z = new double[n];
        hasS1z = new boolean[n];
        hasS2z = new boolean[n];
    }

    /** Records S1's z of the benchmark at position k. */
    void s1z(int k, double z) {
        s1z[k] = z;
        hasS1z[k] = true;
    }

    /** Records S2's z of the benchmark at position k. */
    void s2z(int k, double z) {
        s2z[k] = z;
        hasS2z[k] = true;
    }

    /** S1's z's by benchmark id, in id order. */
    Map<String, Double> s1zById() {
        return byId(s1z, hasS1z);
    }

    /** S2's z's by benchmark id, in id order. */
    Map<String, Double> s2zById() {
        return byId(s2z, hasS2z);
    }

    private Map<String, Double> byId(double[] z, boolean[] has) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < ids.length; k++) {
            if (has[k]) {
                out.put(ids[k], z[k]);
            }
        }
        return out;
    }

    /** Number of the candidate's benchmarks. */
    int size() {
        return ids.length;
    }

    /** The metric id to name in a finding about the benchmark at position k. */
    String metric(int k) {
        Score s = scores[k];
        if (s.metric() != null) {
            return s.metric();
        }
        Benchmark b = entries[k];
        return b != null ? b.metric() : "score";
    }

    /** The item count behind the score at position k: the reported one, else the catalogue's. */
    @Nullable Long items(int k) {
        return items(scores[k], entries[k]);
    }

    /** The item count behind a score of a benchmark with this catalogue entry (null: none): the reported one, else the catalogue's. */
    static @Nullable Long items(Score s, @Nullable Benchmark entry) {
        if (s.n() != null) {
            return s.n();
        }
        return entry != null ? entry.items() : null;
    }

    // A finding's or a skip's text that is built from its numbers (concatenation, fixed-point
    // formatting) comes as a Supplier, called here. Every detector's texts pass through the same
    // get() call sites below, which the JIT therefore sees with many lambda classes and does not
    // inline: each detector's loop compiles without the code that writes its texts (inlined, that
    // code made ResidualCheck.run's compiled form about 90 KB and its C2 compilation the longest
    // of a cold audit; docs/performance.md, "Fourteenth step"). The texts are the same.

    void flag(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected,
            @Nullable Statistic statistic, String message) {
        findings.add(new Finding(d, config.severity(d), benchmark, metric, observed, expected, statistic, message));
    }

    void flag(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected,
            @Nullable Statistic statistic, Supplier<String> message) {
        flag(d, benchmark, metric, observed, expected, statistic, message.get());
    }

    void error(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected, String message) {
        findings.add(new Finding(d, Severity.ERROR, benchmark, metric, observed, expected, null, message));
    }

    void error(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected, Supplier<String> message) {
        error(d, benchmark, metric, observed, expected, message.get());
    }

    void skip(DetectorId d, String reason) {
        skipped.add(new Skip(d, reason));
    }

    void skip(DetectorId d, Supplier<String> reason) {
        skip(d, reason.get());
    }

    static String fmt(double v) {
        return Fixed.format(v, 2);
    }

    static String signed(double v) {
        return Fixed.format(v, 2, true);
    }

    static String z(double v) {
        return Fixed.format(v, 1);
    }
}
