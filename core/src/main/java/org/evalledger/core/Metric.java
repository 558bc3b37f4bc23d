package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * One measured value ({@code results[].metrics[]}). Immutable and thread-safe; build one with
 * {@link #builder(String, double, boolean)}.
 *
 * <p>The constructor checks what the JSON Schema checks (finite numbers, non-negative stderr,
 * {@code n >= 1}); rules that relate fields to each other (value inside its range, a confidence
 * interval around the value) are reported by validation, not thrown here, so that a record can
 * be inspected whole.
 *
 * @param id metric id, e.g. {@code acc}, {@code exact_match}, {@code pass@1}
 * @param value the value, finite
 * @param unit the unit; {@code null} means {@link MetricUnit#PROPORTION}
 * @param higherIsBetter whether higher values are better
 * @param range bounds the value can take
 * @param stderr standard error of the value
 * @param confidenceInterval confidence interval around the value
 * @param stddev standard deviation of per-sample scores, {@code >= 0}
 * @param n number of samples behind the value, {@code >= 1}
 */
public record Metric(
        String id,
        double value,
        @Nullable MetricUnit unit,
        boolean higherIsBetter,
        @Nullable Range range,
        @Nullable Stderr stderr,
        @Nullable ConfidenceInterval confidenceInterval,
        @Nullable Double stddev,
        @Nullable Long n) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Metric {
        Checks.nonEmpty(id, "metric.id");
        Checks.finite(value, "metric.value");
        if (stddev != null) {
            Checks.nonNegative(stddev, "metric.stddev");
        }
        Checks.atLeastOrNull(n, 1, "metric.n");
    }

    /** The unit, with the default applied: {@link MetricUnit#PROPORTION} when absent. */
    public MetricUnit effectiveUnit() {
        return unit == null ? MetricUnit.PROPORTION : unit;
    }

    /** A metric with the required fields only. */
    public static Metric of(String id, double value, boolean higherIsBetter) {
        return builder(id, value, higherIsBetter).build();
    }

    /** A builder for a metric. */
    public static Builder builder(String id, double value, boolean higherIsBetter) {
        return new Builder(id, value, higherIsBetter);
    }

    /** A builder holding this metric's values. */
    public Builder toBuilder() {
        return new Builder(id, value, higherIsBetter).unit(unit).range(range).stderr(stderr)
                .confidenceInterval(confidenceInterval).stddev(stddev).n(n);
    }

    /**
     * Bounds a value can take ({@code metric.range}); either side may be open.
     *
     * @param min lower bound
     * @param max upper bound
     */
    public record Range(@Nullable Double min, @Nullable Double max) {
        /** @throws IllegalArgumentException when a bound is not finite */
        public Range {
            Checks.finiteOrNull(min, "metric.range.min");
            Checks.finiteOrNull(max, "metric.range.max");
        }
    }

    /**
     * A standard error ({@code metric.stderr}).
     *
     * @param value the standard error, {@code >= 0}
     * @param method how it was computed
     */
    public record Stderr(double value, @Nullable StderrMethod method) {
        /** @throws IllegalArgumentException when the value is negative or not finite */
        public Stderr {
            Checks.nonNegative(value, "metric.stderr.value");
        }
    }

    /**
     * A confidence interval ({@code metric.confidenceInterval}).
     *
     * @param lower lower end
     * @param upper upper end
     * @param level confidence level in (0, 1), e.g. 0.95
     * @param method how it was computed, free text (e.g. {@code wilson}, {@code bootstrap})
     */
    public record ConfidenceInterval(double lower, double upper, double level, @Nullable String method) {
        /** @throws IllegalArgumentException when a number is not finite or the level is outside (0, 1) */
        public ConfidenceInterval {
            Checks.finite(lower, "metric.confidenceInterval.lower");
            Checks.finite(upper, "metric.confidenceInterval.upper");
            Checks.finite(level, "metric.confidenceInterval.level");
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("metric.confidenceInterval.level must be in (0, 1), got " + level);
            }
        }
    }

    /** Builds a {@link Metric}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final double value;
        private final boolean higherIsBetter;
        private @Nullable MetricUnit unit;
        private @Nullable Range range;
        private @Nullable Stderr stderr;
        private @Nullable ConfidenceInterval confidenceInterval;
        private @Nullable Double stddev;
        private @Nullable Long n;

        private Builder(String id, double value, boolean higherIsBetter) {
            this.id = id;
            this.value = value;
            this.higherIsBetter = higherIsBetter;
        }

        /** Sets {@code unit}. @param v the value or null @return this builder */
        public Builder unit(@Nullable MetricUnit v) { this.unit = v; return this; }
        /** Sets {@code range}. @param v the value or null @return this builder */
        public Builder range(@Nullable Range v) { this.range = v; return this; }
        /** Sets {@code stderr}. @param v the value or null @return this builder */
        public Builder stderr(@Nullable Stderr v) { this.stderr = v; return this; }
        /** Sets {@code confidenceInterval}. @param v the value or null @return this builder */
        public Builder confidenceInterval(@Nullable ConfidenceInterval v) { this.confidenceInterval = v; return this; }
        /** Sets {@code stddev}. @param v the value or null @return this builder */
        public Builder stddev(@Nullable Double v) { this.stddev = v; return this; }
        /** Sets {@code n}. @param v the value or null @return this builder */
        public Builder n(@Nullable Long v) { this.n = v; return this; }

        /** @return the metric @throws IllegalArgumentException naming the first field that is wrong */
        public Metric build() {
            return new Metric(id, value, unit, higherIsBetter, range, stderr, confidenceInterval, stddev, n);
        }
    }
}
