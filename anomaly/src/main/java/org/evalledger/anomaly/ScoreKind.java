package org.evalledger.anomaly;

/**
 * Whether a benchmark's score is a count of correct items over n (ANOMALY.md's "k/n" column).
 * Immutable and thread-safe.
 */
public enum ScoreKind {
    /** k correct of n items: R2 applies and the stderr of a binary mean is exact (R3). */
    COUNT,
    /** A mean over subtasks or over several metrics: neither k/n nor an exact stderr. */
    MACRO,
    /** A mean of non-binary per-item scores (e.g. TruthfulQA mc2). */
    NON_COUNT
}
