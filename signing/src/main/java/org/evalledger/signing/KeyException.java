package org.evalledger.signing;

/**
 * A key that cannot be used: malformed PEM, an unsupported algorithm, a weak or invalid public
 * key, an unreadable key file. Carries a stable code ({@code EL-KEY-*}). Messages never contain
 * private key material. Immutable and thread-safe.
 */
public final class KeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code the stable code, e.g. {@code EL-KEY-WEAK}
     * @param message what is wrong and how to fix it
     */
    public KeyException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /**
     * @param code the stable code
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure (never carrying key bytes)
     */
    public KeyException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** The file cannot be read or written. */
    public static final String IO = "EL-KEY-IO";
    /** The text is not a PEM block of the expected kind, or its DER does not parse. */
    public static final String PEM = "EL-KEY-PEM";
    /** A key of an algorithm other than Ed25519 or ECDSA P-256. */
    public static final String UNSUPPORTED = "EL-KEY-UNSUPPORTED";
    /** An Ed25519 key of small order or non-canonical encoding, or an EC point not on P-256. */
    public static final String WEAK = "EL-KEY-WEAK";
}
