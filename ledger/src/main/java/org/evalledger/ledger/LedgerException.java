package org.evalledger.ledger;

/**
 * A ledger operation that cannot be done, with a stable code: {@code EL-LEDGER-REFUSED} (an
 * envelope that verifies as INVALID or REVOKED; the message carries its reason code),
 * {@code EL-LEDGER-DB} (the database cannot be opened, read or written), {@code EL-LEDGER-ORIGIN}
 * (the database belongs to another log). Immutable and thread-safe.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An INVALID or REVOKED envelope. */
    public static final String REFUSED = "EL-LEDGER-REFUSED";
    /** A database error. */
    public static final String DB = "EL-LEDGER-DB";
    /** The database holds another log. */
    public static final String ORIGIN = "EL-LEDGER-ORIGIN";

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
