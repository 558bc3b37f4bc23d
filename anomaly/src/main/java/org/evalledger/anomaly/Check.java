package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The working state of one candidate's check: what each detector found or skipped. Not thread-safe. */
final class Check {
    final ModelScores model;
    final Catalogue catalogue;
    final AnomalyConfig config;
    final List<Finding> findings = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    /** Inflation-side z per benchmark, for the suspicion score. */
    final Map<String, Double> s1z = new TreeMap<>();
    final Map<String, Double> s2z = new TreeMap<>();

    Check(ModelScores model, Catalogue catalogue, AnomalyConfig config) {
        this.model = model;
        this.catalogue = catalogue;
        this.config = config;
    }

    Optional<Benchmark> entry(String benchmark) {
        return catalogue.find(benchmark);
    }

    /** The metric id to name in a finding. */
    String metric(String benchmark, Score s) {
        if (s.metric() != null) {
            return s.metric();
        }
        return catalogue.find(benchmark).map(Benchmark::metric).orElse("score");
    }

    /** The item count behind a score: the reported one, else the catalogue's. */
    @Nullable Long items(String benchmark, Score s) {
        if (s.n() != null) {
            return s.n();
        }
        return catalogue.find(benchmark).map(Benchmark::items).orElse(null);
    }

    void flag(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected,
            @Nullable Statistic statistic, String message) {
        findings.add(new Finding(d, config.severity(d), benchmark, metric, observed, expected, statistic, message));
    }

    void error(DetectorId d, String benchmark, String metric, double observed, @Nullable Expected expected, String message) {
        findings.add(new Finding(d, Severity.ERROR, benchmark, metric, observed, expected, null, message));
    }

    void skip(DetectorId d, String reason) {
        skipped.add(new Skip(d, reason));
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
