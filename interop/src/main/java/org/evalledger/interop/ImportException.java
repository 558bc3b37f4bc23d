package org.evalledger.interop;

/**
 * A document that cannot be imported, with a stable code ({@code EL-IMPORT-*}) and a message that
 * says what is missing or malformed. Immutable and thread-safe.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The bytes are not strict JSON (the message names the parse code). */
    public static final String NOT_JSON = "EL-IMPORT-NOT-JSON";
    /** The format could not be recognised from the content. */
    public static final String UNKNOWN_FORMAT = "EL-IMPORT-UNKNOWN-FORMAT";
    /** The document lacks what the format requires (e.g. lm-eval without results or a model name). */
    public static final String MISSING = "EL-IMPORT-MISSING";
    /** The format is known but its importer is not built yet. */
    public static final String UNSUPPORTED = "EL-IMPORT-UNSUPPORTED";
    /** A file cannot be read. */
    public static final String IO = "EL-IMPORT-IO";
    /** The document is larger than the import limit (16 MiB). */
    public static final String TOO_LARGE = "EL-IMPORT-TOO-LARGE";

    private final String code;
    private final String detail;

    /**
     * @param code the stable code
     * @param message what is wrong and how to fix it
     */
    public ImportException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
        this.detail = message;
    }

    /** The message without the code. */
    public String detail() {
        return detail;
    }

    /** The same failure, its message prefixed with where it happened (a format, a file). */
    public ImportException in(String where) {
        ImportException e = new ImportException(code, where + ": " + detail);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}
