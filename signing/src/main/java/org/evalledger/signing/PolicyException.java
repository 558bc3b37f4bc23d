package org.evalledger.signing;

/**
 * A trust policy file that cannot be used, with a stable code ({@code EL-POLICY-*}) and a message
 * that names the key entry and how to fix it. Immutable and thread-safe.
 */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file cannot be read or written. */
    public static final String IO = "EL-POLICY-IO";
    /** The file is not strict JSON. */
    public static final String JSON = "EL-POLICY-JSON";
    /** A member is missing, unknown, or of the wrong type or value. */
    public static final String INVALID = "EL-POLICY-INVALID";
    /** {@code version} is not 1. */
    public static final String VERSION = "EL-POLICY-VERSION";
    /** A key entry's {@code keyid} is not the SHA-256 of its public key. */
    public static final String KEYID_MISMATCH = "EL-POLICY-KEYID-MISMATCH";
    /** A key entry's public key is unusable (malformed, weak, unsupported). */
    public static final String KEY = "EL-POLICY-KEY";

    private final String code;

    /**
     * @param code the stable code
     * @param message what is wrong and how to fix it
     */
    public PolicyException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}
