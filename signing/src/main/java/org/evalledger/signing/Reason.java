package org.evalledger.signing;

/**
 * Why an envelope is {@link Status#INVALID}, or why one signature did or did not count. Each has a
 * stable code ({@code EL-SIG-*}); codes are never renamed or reused. Immutable and thread-safe.
 */
public enum Reason {
    // ---- envelope (SIGNING.md "A verifier must reject" 1-4)
    /** The envelope is larger than the cap (default 16 MiB). */
    TOO_LARGE("EL-SIG-TOO-LARGE"),
    /** The envelope is not strict JSON (the message names the parse code). */
    MALFORMED_JSON("EL-SIG-MALFORMED-JSON"),
    /** The envelope repeats a member name. */
    DUPLICATE_MEMBER("EL-SIG-DUPLICATE-MEMBER"),
    /** The envelope has a member other than payload, payloadType and signatures (or a signature one other than keyid and sig). */
    UNKNOWN_MEMBER("EL-SIG-UNKNOWN-MEMBER"),
    /** payload, payloadType, signatures or a signature's sig is missing or of the wrong JSON type. */
    MISSING_FIELD("EL-SIG-MISSING-FIELD"),
    /** The signatures array is empty. */
    NO_SIGNATURES("EL-SIG-NO-SIGNATURES"),
    /** More than 16 signatures. */
    TOO_MANY_SIGNATURES("EL-SIG-TOO-MANY-SIGNATURES"),
    /** Base64 that is neither canonical standard nor canonical URL-safe base64. */
    BAD_BASE64("EL-SIG-BAD-BASE64"),
    /** payloadType is not byte-equal to application/vnd.in-toto+json. */
    PAYLOAD_TYPE("EL-SIG-PAYLOAD-TYPE"),

    // ---- signatures (5, 6)
    /** A signature names a trusted key and does not verify under it: forged, or the payload was changed. */
    BAD_SIGNATURE("EL-SIG-BAD-SIGNATURE"),
    /** A signature that is not exactly 64 bytes. */
    SIGNATURE_LENGTH("EL-SIG-SIGNATURE-LENGTH"),
    /** Ed25519 S >= L, or ECDSA r or s outside [1, n-1]: a malleable encoding. */
    NON_CANONICAL_SIGNATURE("EL-SIG-NON-CANONICAL-SIGNATURE"),
    /** DSSE layer: fewer distinct keys verified than the threshold. */
    THRESHOLD("EL-SIG-THRESHOLD"),

    // ---- payload (7)
    /** The verified payload is not strict JSON (the message names the parse code). */
    PAYLOAD_JSON("EL-SIG-PAYLOAD-JSON"),
    /** The payload is not in RFC 8785 form (strict mode). */
    PAYLOAD_NOT_CANONICAL("EL-SIG-PAYLOAD-NOT-CANONICAL"),
    /** The Statement is not an object with exactly _type, subject, predicateType and predicate. */
    STATEMENT_SHAPE("EL-SIG-STATEMENT-SHAPE"),
    /** _type is not https://in-toto.io/Statement/v1. */
    STATEMENT_TYPE("EL-SIG-STATEMENT-TYPE"),
    /** predicateType is not the v1 record schema URI. */
    PREDICATE_TYPE("EL-SIG-PREDICATE-TYPE"),
    /** The subjects do not match the record (record digest, model commit, artifacts). */
    SUBJECT_MISMATCH("EL-SIG-SUBJECT-MISMATCH"),
    /** The predicate is not a valid record (the message lists the validation codes). */
    RECORD_INVALID("EL-SIG-RECORD-INVALID"),

    // ---- per-signature outcomes that are not rejections
    /** The signature counted toward the status. */
    COUNTED("EL-SIG-COUNTED"),
    /** No trusted key matches: an unknown signer cannot be checked. */
    UNKNOWN_KEY("EL-SIG-UNKNOWN-KEY"),
    /** The key is trusted, but not for this model (scope). */
    OUT_OF_SCOPE("EL-SIG-OUT-OF-SCOPE"),
    /** The key's validity window does not contain the verification time. */
    OUTSIDE_WINDOW("EL-SIG-OUTSIDE-WINDOW"),
    /** The key was revoked at or before the verification time. */
    KEY_REVOKED("EL-SIG-KEY-REVOKED"),
    /** The same key signed twice; it counts once. */
    DUPLICATE_KEY("EL-SIG-DUPLICATE-KEY"),
    /** A verifier key whose owner is the producer's owner: nobody verifies their own work. */
    SAME_OWNER("EL-SIG-SAME-OWNER"),
    /** A hub key: it signs ledger checkpoints and never counts toward a record's status. */
    HUB_KEY("EL-SIG-HUB-KEY"),
    /** A verifier signature without a counted producer signature; it cannot make a record verified alone. */
    NO_PRODUCER("EL-SIG-NO-PRODUCER"),
    /** An additional producer signature; one producer is enough. */
    EXTRA_PRODUCER("EL-SIG-EXTRA-PRODUCER");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code EL-SIG-BAD-SIGNATURE}. */
    public String code() {
        return code;
    }
}
