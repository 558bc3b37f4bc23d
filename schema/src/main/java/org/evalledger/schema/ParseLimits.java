package org.evalledger.schema;

/**
 * Limits applied while parsing untrusted bytes. Nesting depth is fixed at 64 by SCHEMA.md.
 * Immutable and thread-safe.
 *
 * @param maxDocumentBytes largest document accepted, in bytes (default 16 MiB)
 * @param maxStringChars longest string or member name accepted, in UTF-16 chars (default 1 Mi)
 */
public record ParseLimits(long maxDocumentBytes, int maxStringChars) {
    /** 16 MiB and 1 Mi characters. */
    public static final ParseLimits DEFAULT = new ParseLimits(16L * 1024 * 1024, 1024 * 1024);
    /** The fixed maximum nesting depth of arrays and objects. */
    public static final int MAX_DEPTH = 64;

    /** @throws IllegalArgumentException when a limit is not positive */
    public ParseLimits {
        if (maxDocumentBytes < 1 || maxStringChars < 1) {
            throw new IllegalArgumentException("parse limits must be positive, got " + maxDocumentBytes + " bytes and "
                    + maxStringChars + " chars");
        }
    }
}
