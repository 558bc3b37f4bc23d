package org.evalledger.anomaly;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the detectors found for one model's results. Immutable and thread-safe.
 *
 * <p>The suspicion score ranks uploads for review: for every benchmark the inflation-side z of S1
 * (size peers) and S2 (cross-benchmark residual) are combined by Stouffer's method
 * ({@code (z1 + z2) / √2}, or the one that exists), and the suspicion is the largest of them, at
 * least 0. It is not a decision: {@link #flagged()} says whether any finding is a warning or worse.
 *
 * @param modelId the model checked
 * @param findings the findings, most severe first, then by detector and benchmark
 * @param suspicion the suspicion score, {@code >= 0}
 * @param suspicionBenchmark the benchmark that drives the suspicion, {@code null} when none was scored
 * @param driver the S1 or S2 finding on that benchmark with the largest statistic, {@code null} when
 *     the benchmark drew no finding
 * @param skipped detectors that did not run, and why
 */
public record AnomalyReport(String modelId, List<Finding> findings, double suspicion, @Nullable String suspicionBenchmark,
        @Nullable Finding driver, List<Skip> skipped) {

    /** Most severe first, then by detector, benchmark and metric. */
    static final Comparator<Finding> ORDER = (a, b) -> {
        int c = b.severity().compareTo(a.severity());
        if (c == 0) {
            c = a.detector().compareTo(b.detector());
        }
        if (c == 0) {
            c = a.benchmark().compareTo(b.benchmark());
        }
        return c != 0 ? c : a.metric().compareTo(b.metric());
    };

    /** @throws IllegalArgumentException when the suspicion is negative or not finite */
    public AnomalyReport {
        Objects.requireNonNull(modelId, "modelId");
        findings = findings.stream().sorted(ORDER).toList();
        skipped = List.copyOf(skipped);
        if (!(suspicion >= 0) || Double.isInfinite(suspicion)) {
            throw new IllegalArgumentException("suspicion must be finite and >= 0, got " + suspicion);
        }
    }

    /** The driving finding, if the suspicion's benchmark drew one. */
    public Optional<Finding> driverFinding() {
        return Optional.ofNullable(driver);
    }

    /** Whether any finding is a warning or an error. */
    public boolean flagged() {
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING));
    }

    /** The most severe finding's severity, empty when there is none. */
    public Optional<Severity> highestSeverity() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    /** The findings of one detector. */
    public List<Finding> findings(DetectorId detector) {
        return findings.stream().filter(f -> f.detector() == detector).toList();
    }
}
