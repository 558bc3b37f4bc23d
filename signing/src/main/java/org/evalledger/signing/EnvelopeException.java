package org.evalledger.signing;

/**
 * An envelope that cannot be read (DSSE layer rejections 1-4 of SIGNING.md), with its
 * {@link Reason}. Thrown only by {@link Envelope#parse}; {@link Verifier} and
 * {@link DsseVerifier} turn it into a result instead. Immutable and thread-safe.
 */
public final class EnvelopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * @param reason the reason
     * @param message what is wrong and how to fix it
     */
    public EnvelopeException(Reason reason, String message) {
        super(reason.code() + ": " + message);
        this.reason = reason;
    }

    /** Why the envelope was rejected. */
    public Reason reason() {
        return reason;
    }
}
