package org.evalledger.anomaly;

import java.util.List;
import org.evalledger.anomaly.internal.Stats;

/**
 * A reference quantity over the population, taken once at fit: how many values there are, their
 * median and their MAD (unfloored; a detector applies its own floor). S3 keeps one per benchmark
 * and transition for the moves between versions, S4 one per benchmark for the gaps to its twin.
 * Immutable.
 */
record Typical(int count, double median, double mad) {
    /** No reference values. */
    static final Typical NONE = new Typical(0, Double.NaN, Double.NaN);

    static Typical of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double med = Stats.median(v);
        return new Typical(v.length, med, Stats.mad(v, v.length, med));
    }
}
