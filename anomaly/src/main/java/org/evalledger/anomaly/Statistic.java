package org.evalledger.anomaly;

import java.util.Objects;

/**
 * The test statistic behind a finding, named so that a reader knows its scale: {@code modified_z}
 * (S1, S3, S4: 0.6745·(x − median)/MAD), {@code robust_z} (S2: residual over its robust scale),
 * {@code rms_z} (S5), {@code se_from_chance} (R1), {@code implied_n_ratio} (R3: n̂/n),
 * {@code copies} (D1: how many other models share the vector). Immutable and thread-safe.
 *
 * @param name the statistic's name, lower-case with underscores
 * @param value its value, finite
 */
public record Statistic(String name, double value) {
    /** @throws IllegalArgumentException for a non-finite value */
    public Statistic {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("statistic " + name + " must be finite, got " + value);
        }
    }

    /** A modified z (Iglewicz–Hoaglin). */
    static Statistic modifiedZ(double v) {
        return new Statistic("modified_z", v);
    }
}
