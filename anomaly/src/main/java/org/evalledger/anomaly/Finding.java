package org.evalledger.anomaly;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a detector noticed, with the evidence a reviewer needs. Immutable and thread-safe.
 *
 * @param detector which detector
 * @param severity how much it matters
 * @param benchmark the benchmark id (for D1, the ids compared, comma-separated)
 * @param metric the metric id the value belongs to (for D1, the metric ids, comma-separated like the benchmarks)
 * @param observed the value seen: points for scores; the implied sample count for R3
 * @param expected what was expected instead, {@code null} when there is no single expectation
 * @param statistic the named test statistic, {@code null} when none
 * @param message one line for a person: what is wrong and by how much
 */
public record Finding(DetectorId detector, Severity severity, String benchmark, String metric, double observed,
        @Nullable Expected expected, @Nullable Statistic statistic, String message) {

    /** @throws NullPointerException for a missing part; IllegalArgumentException for a non-finite number */
    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(message, "message");
        if (!Double.isFinite(observed)) {
            throw new IllegalArgumentException("a finding's observed value must be finite, got " + observed);
        }
    }

    /** {@code S2 warning mmlu: message}. */
    @Override
    public String toString() {
        return detector + " " + severity.wireName() + " " + benchmark + ": " + message;
    }
}
