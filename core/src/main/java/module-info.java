/**
 * The EvalLedger domain model: evaluation records, their results and metrics, as immutable
 * values. No runtime dependencies.
 */
module org.evalledger.core {
    requires static transitive org.jspecify;

    exports org.evalledger.core;
}
