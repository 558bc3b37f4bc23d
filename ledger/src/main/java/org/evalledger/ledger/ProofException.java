package org.evalledger.ledger;

/**
 * A Merkle proof that does not prove what it claims: code {@code EL-LEDGER-PROOF}, with the
 * reason. Verification methods throw it rather than return a boolean, so that a failed proof
 * cannot be ignored by accident. Immutable and thread-safe.
 */
public final class ProofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The stable code of every failed proof. */
    public static final String CODE = "EL-LEDGER-PROOF";

    ProofException(String message) {
        super(CODE + ": " + message);
    }

    /** {@link #CODE}. */
    public String code() {
        return CODE;
    }
}
