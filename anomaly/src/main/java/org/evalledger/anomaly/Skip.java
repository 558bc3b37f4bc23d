package org.evalledger.anomaly;

import java.util.Objects;

/**
 * A detector that did not run (for one benchmark or at all) and why: a reviewer must be able to
 * tell "nothing found" from "nothing checked". Immutable and thread-safe.
 *
 * @param detector the detector
 * @param reason one line, e.g. {@code "mmlu: 3 peers within ±0.15 log10(parameters), need 8"}
 */
public record Skip(DetectorId detector, String reason) {
    /** @throws NullPointerException for a missing part */
    public Skip {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(reason, "reason");
    }
}
