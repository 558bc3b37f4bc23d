package org.evalledger.signing;

/**
 * A C2SP signed note or verifier key that cannot be used, with a stable code:
 * {@code EL-NOTE-MALFORMED} (not a signed note), {@code EL-NOTE-BAD-SIGNATURE} (a signature by a
 * known key does not verify), {@code EL-NOTE-UNVERIFIED} (no signature by a known key),
 * {@code EL-NOTE-KEY} (a malformed verifier key). Immutable and thread-safe.
 */
public final class NoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not a well-formed signed note. */
    public static final String MALFORMED = "EL-NOTE-MALFORMED";
    /** A signature by a known key does not verify: the note was altered or forged. */
    public static final String BAD_SIGNATURE = "EL-NOTE-BAD-SIGNATURE";
    /** No signature by any of the known keys. */
    public static final String UNVERIFIED = "EL-NOTE-UNVERIFIED";
    /** A verifier key string that is malformed or names an unsupported algorithm. */
    public static final String KEY = "EL-NOTE-KEY";

    private final String code;

    NoteException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}
