package org.evalledger.anomaly;

/** The detectors of ANOMALY.md. Immutable and thread-safe. */
public enum DetectorId {
    /** Range, chance and ceiling. */
    R1("range / chance / ceiling"),
    /** A count benchmark's score must be k/n. */
    R2("attainable score"),
    /** The stderr must fit the sample count. */
    R3("stderr vs n"),
    /** An easy benchmark at chance while another is far above it. */
    R4("broken run"),
    /** Deviation from models of similar size. */
    S1("peer deviation"),
    /** Residual of a benchmark predicted from the model's other benchmarks. */
    S2("cross-benchmark residual"),
    /** A jump between a model and its earlier version or parent. */
    S3("version jump"),
    /** Gap to a contamination-free twin benchmark. */
    S4("twin-benchmark gap"),
    /** Spread of the S2 residuals across the profile (information only). */
    S5("profile spread"),
    /** Another model with the identical result vector. */
    D1("copied result");

    private final String title;

    DetectorId(String title) {
        this.title = title;
    }

    /** The detector's name in ANOMALY.md, e.g. {@code "peer deviation"}. */
    public String title() {
        return title;
    }
}
