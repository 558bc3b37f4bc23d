package org.evalledger.schema;

/**
 * One problem found in a document: its stable code, severity, where it is (a JSON Pointer,
 * RFC 6901; {@code ""} is the whole document) and a message that says how to fix it.
 * Immutable and thread-safe.
 *
 * @param code the stable code, e.g. {@code EL-SCHEMA-REQUIRED}
 * @param severity error or warning
 * @param pointer JSON Pointer to the offending value (or, for a missing member, where it belongs)
 * @param message what is wrong and how to fix it
 */
public record Issue(String code, Severity severity, String pointer, String message) {
    /** Checks that no part is null. */
    public Issue {
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(severity, "severity");
        java.util.Objects.requireNonNull(pointer, "pointer");
        java.util.Objects.requireNonNull(message, "message");
    }

    /** An issue with the code's own severity. */
    public static Issue of(ErrorCode code, String pointer, String message) {
        return new Issue(code.code(), code.severity(), pointer, message);
    }

    /** {@code code at pointer: message}, for logs and terminals. */
    @Override
    public String toString() {
        return code + " at " + (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
