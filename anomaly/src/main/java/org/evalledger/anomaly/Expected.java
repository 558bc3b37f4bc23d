package org.evalledger.anomaly;

import org.jspecify.annotations.Nullable;

/**
 * What a detector expected instead of the observed value: a point ({@code low == high}) or a
 * range with an open side ({@code null}). In the finding's unit (points for scores). Immutable and
 * thread-safe.
 *
 * @param low the lowest expected value, {@code null} when unbounded below
 * @param high the highest expected value, {@code null} when unbounded above
 */
public record Expected(@Nullable Double low, @Nullable Double high) {

    /** @throws IllegalArgumentException when both bounds are open, a bound is not finite, or low > high */
    public Expected {
        if (low == null && high == null) {
            throw new IllegalArgumentException("an expected range needs at least one bound");
        }
        if ((low != null && !Double.isFinite(low)) || (high != null && !Double.isFinite(high))) {
            throw new IllegalArgumentException("expected bounds must be finite");
        }
        if (low != null && high != null && low > high) {
            throw new IllegalArgumentException("expected low " + low + " is above high " + high);
        }
    }

    /** Exactly this value. */
    public static Expected point(double value) {
        return new Expected(value, value);
    }

    /** Between these values. */
    public static Expected range(double low, double high) {
        return new Expected(low, high);
    }

    /** At least this value. */
    public static Expected atLeast(double low) {
        return new Expected(low, null);
    }

    /** At most this value. */
    public static Expected atMost(double high) {
        return new Expected(null, high);
    }

    /** Whether this is a single value. */
    public boolean isPoint() {
        return low != null && low.equals(high);
    }

    /** {@code 54.10}, {@code [0.90, 1.10]}, {@code >= 20.01} or {@code <= 93.50}, two decimals. */
    @Override
    public String toString() {
        if (isPoint()) {
            return fmt(low);
        }
        if (low == null) {
            return "<= " + fmt(high);
        }
        if (high == null) {
            return ">= " + fmt(low);
        }
        return "[" + fmt(low) + ", " + fmt(high) + "]";
    }

    private static String fmt(@Nullable Double d) {
        return d == null ? "null" : Fixed.format(d, 2); // "null" as String.format wrote it
    }
}
