package org.evalledger.schema.internal.json;

/**
 * A document that is not strict JSON, with a stable code ({@code EL-PARSE-*}) and the position
 * of the problem. Immutable and thread-safe.
 */
public final class JsonReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final long offset;
    private final int line;
    private final int column;

    /**
     * @param code the stable code
     * @param offset byte offset of the problem
     * @param line 1-based line
     * @param column 1-based column (in characters)
     * @param message what is wrong and how to fix it (without the position, which is appended)
     */
    public JsonReadException(String code, long offset, int line, int column, String message) {
        super(message + " (line " + line + ", column " + column + ", byte " + offset + ")");
        this.code = code;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** The stable code, e.g. {@code EL-PARSE-SYNTAX}. */
    public String code() {
        return code;
    }

    /** Byte offset of the problem in the input. */
    public long offset() {
        return offset;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, in characters. */
    public int column() {
        return column;
    }
}
