package org.evalledger.anomaly;

/**
 * S3's verdict on one benchmark between two versions of a model's results (ANOMALY.md S3): the
 * move in points, its sampling noise, its robust z against the population's pairs of the same
 * transition type, and whether it is flagged (|Δ| beyond both the noise and the typical move).
 * Immutable and thread-safe.
 *
 * @param benchmark catalogue benchmark id
 * @param metric the metric compared (the catalogue's)
 * @param older the older score in points (0–100 or the benchmark's unit)
 * @param newer the newer score in points
 * @param delta {@code newer - older}, in points
 * @param noise √(s_new² + s_old²) in points
 * @param typicalDelta the median Δ of the reference pairs
 * @param z the robust z of Δ against the reference pairs
 * @param flagged whether S3 flags this move
 * @param explanation one line a reviewer can act on
 */
public record VersionJump(String benchmark, String metric, double older, double newer, double delta, double noise,
        double typicalDelta, double z,
        boolean flagged, String explanation) {}
