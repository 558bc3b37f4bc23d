package org.evalledger.anomaly;

import java.util.Objects;
import org.evalledger.core.MetricUnit;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark score of one model, as a detector sees it. Detectors work in points (0–100) so
 * that "0.5 points" means the same for proportion and percent inputs; {@link #value()} keeps the
 * number as given, so that R2 can check it at its reported precision. Immutable and thread-safe.
 *
 * @param value the score in its unit
 * @param unit {@link MetricUnit#PROPORTION} (0–1) or {@link MetricUnit#PERCENT} (0–100)
 * @param stderr standard error in the same unit, {@code null} when not reported
 * @param n number of items behind the score, {@code null} when not reported (the catalogue's
 *     item count is used then)
 * @param metric the metric id, {@code null} when the source does not name it (a table column)
 * @param grouped whether the score aggregates subtasks
 */
public record Score(double value, MetricUnit unit, @Nullable Double stderr, @Nullable Long n, @Nullable String metric,
        boolean grouped) {

    /** @throws IllegalArgumentException when a number is not finite, the unit is not a 0–1 or 0–100 scale, or n {@literal <} 1 */
    public Score {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("score value must be finite, got " + value);
        }
        Objects.requireNonNull(unit, "unit");
        if (unit != MetricUnit.PROPORTION && unit != MetricUnit.PERCENT) {
            throw new IllegalArgumentException("a score's unit must be proportion or percent, got " + unit.wireName());
        }
        if (stderr != null && !(Double.isFinite(stderr) && stderr >= 0)) {
            throw new IllegalArgumentException("stderr must be finite and >= 0, got " + stderr);
        }
        if (n != null && n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }

    /** A proportion (0–1) with nothing else known. */
    public static Score proportion(double value) {
        return new Score(value, MetricUnit.PROPORTION, null, null, null, false);
    }

    /** A percentage (0–100) with nothing else known. */
    public static Score percent(double value) {
        return new Score(value, MetricUnit.PERCENT, null, null, null, false);
    }

    /** This score with a standard error in its unit. */
    public Score withStderr(@Nullable Double stderr) {
        return new Score(value, unit, stderr, n, metric, grouped);
    }

    /** This score with the number of items behind it. */
    public Score withN(@Nullable Long n) {
        return new Score(value, unit, stderr, n, metric, grouped);
    }

    /** This score with its metric id. */
    public Score withMetric(@Nullable String metric) {
        return new Score(value, unit, stderr, n, metric, grouped);
    }

    /** This score marked as aggregating subtasks (or not). */
    public Score withGrouped(boolean grouped) {
        return new Score(value, unit, stderr, n, metric, grouped);
    }

    /** Units per point: 0.01 for a proportion, 1 for a percentage. */
    double scale() {
        return unit == MetricUnit.PROPORTION ? 0.01 : 1;
    }

    /** The score in points (0–100). */
    public double points() {
        return unit == MetricUnit.PROPORTION ? value * 100 : value;
    }

    /** The stderr in points, {@code null} when not reported. */
    public @Nullable Double stderrPoints() {
        return stderr == null ? null : unit == MetricUnit.PROPORTION ? stderr * 100 : stderr;
    }
}
