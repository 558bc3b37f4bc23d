package org.evalledger.ledger;

/**
 * A ledger operation that cannot be done, with a stable code: {@code EL-LEDGER-REFUSED} (an
 * envelope that verifies as INVALID or REVOKED; the message carries its reason code),
 * {@code EL-LEDGER-DB} (the database cannot be opened, read or written), {@code EL-LEDGER-EXISTS}
 * (creating a ledger where one already is), {@code EL-LEDGER-NOT-FOUND} (opening where there is
 * none), {@code EL-LEDGER-KEY} (signing a checkpoint with another key than the ledger's hub key),
 * {@code EL-LEDGER-TAMPERED} (stored bytes that no longer match their hashed entry, found while
 * reading). Immutable and thread-safe.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An INVALID or REVOKED envelope. */
    public static final String REFUSED = "EL-LEDGER-REFUSED";
    /** A database error. */
    public static final String DB = "EL-LEDGER-DB";
    /** A ledger is already there. */
    public static final String EXISTS = "EL-LEDGER-EXISTS";
    /** No ledger is there. */
    public static final String NOT_FOUND = "EL-LEDGER-NOT-FOUND";
    /** Not the ledger's hub key. */
    public static final String KEY = "EL-LEDGER-KEY";
    /** Stored bytes do not match their entry. */
    public static final String TAMPERED = "EL-LEDGER-TAMPERED";

    private final String code;

    LedgerException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    LedgerException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}
