package org.evalledger.interop;

import java.util.List;

/**
 * One exported document and what the target format could not hold. Immutable and thread-safe.
 *
 * @param format the target format
 * @param content the document's bytes (UTF-8)
 * @param warnings parts of the record the format has no place for
 */
public record Export(Format format, byte[] content, List<ImportWarning> warnings) {
    /** Copies the warnings. */
    public Export {
        content = content.clone();
        warnings = List.copyOf(warnings);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }
}
