package org.evalledger.anomaly;

/**
 * A catalogue file that cannot be read: code {@code EL-CATALOGUE-FORMAT}, with the source and line.
 * Immutable and thread-safe.
 */
public final class CatalogueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The stable code of every catalogue error. */
    public static final String CODE = "EL-CATALOGUE-FORMAT";

    private final String source;
    private final int line;

    CatalogueException(String source, int line, String message) {
        super(CODE + ": " + source + " line " + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** {@link #CODE}. */
    public String code() {
        return CODE;
    }

    /** The name of the file or resource. */
    public String source() {
        return source;
    }

    /** The 1-based line that is wrong. */
    public int line() {
        return line;
    }
}
