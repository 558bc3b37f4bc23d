package org.evalledger.schema;

/** How serious a validation issue is. Immutable and thread-safe. */
public enum Severity {
    /** The document is not a valid record; it must not be accepted. */
    ERROR,
    /** Worth a look, but the record is valid. */
    WARNING;

    /** The lower-case spelling used in JSON output ({@code error}, {@code warning}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
