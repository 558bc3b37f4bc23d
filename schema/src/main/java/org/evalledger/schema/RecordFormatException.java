package org.evalledger.schema;

import java.util.List;

/**
 * Thrown when bytes cannot be read as a record (or as JSON): not JSON, not strict JSON, or not
 * matching the JSON Schema. It carries the stable code of the first problem and, for schema
 * failures, every issue found. Messages never hold more than a short excerpt of the input.
 * Immutable and thread-safe.
 */
public final class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The issues, never empty; kept in a serializable list. */
    private final java.util.ArrayList<Issue> issues;

    /**
     * @param issues the problems found, at least one; the first gives the code and message
     */
    public RecordFormatException(List<Issue> issues) {
        super(summary(issues));
        this.issues = new java.util.ArrayList<>(issues);
    }

    private static String summary(List<Issue> issues) {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a RecordFormatException needs at least one issue");
        }
        String first = issues.get(0).toString();
        return issues.size() == 1 ? first : first + " (and " + (issues.size() - 1) + " more)";
    }

    /** The stable code of the first problem, e.g. {@code EL-PARSE-DUPLICATE-KEY}. */
    public String code() {
        return issues.get(0).code();
    }

    /** Every problem found, in document order where known. */
    public List<Issue> issues() {
        return List.copyOf(issues);
    }
}
