package org.evalledger.anomaly;

import java.util.Locale;

/** How much a finding matters; ordered {@code INFO < WARNING < ERROR}. Immutable and thread-safe. */
public enum Severity {
    /** Context for a reviewer; never changes a decision. */
    INFO,
    /** Look here: the result does not fit what is known. */
    WARNING,
    /** The value is impossible (outside the metric's range). */
    ERROR;

    /** The lower-case name used in JSON: {@code info}, {@code warning}, {@code error}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is {@code other} or more severe. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
