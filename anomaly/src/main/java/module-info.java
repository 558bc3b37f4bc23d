/**
 * Statistical anomaly detection for evaluation records: a benchmark catalogue, reference
 * populations and detectors R1–R4, S1–S5 and D1 of ANOMALY.md. Knows no JSON; works on core
 * records and plain score tables.
 */
module org.evalledger.anomaly {
    requires transitive org.evalledger.core;
    requires static transitive org.jspecify;

    exports org.evalledger.anomaly;
}
