package org.evalledger.signing;

/** The one status a verification yields (SIGNING.md). Immutable and thread-safe. */
public enum Status {
    /** A trusted producer in scope, and at least the threshold of independent trusted verifiers. */
    VERIFIED,
    /** A trusted producer in scope, not enough independent verifiers. */
    SELF_REPORTED,
    /** Well-formed, but no signature counts: unknown signers, keys outside their window or scope, verifier or hub keys only. */
    UNTRUSTED,
    /** A signature verifies under a trusted key revoked at or before the verification time. */
    REVOKED,
    /** Rejected: the record must not be accepted. */
    INVALID,
    /** A plain record without an envelope (used by audits). */
    UNSIGNED;

    /** Whether a record with this status may be used as vouched for. */
    public boolean trusted() {
        return this == VERIFIED || this == SELF_REPORTED;
    }
}
