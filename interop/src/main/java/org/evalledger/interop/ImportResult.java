package org.evalledger.interop;

import java.util.List;
import org.evalledger.core.EvaluationRecord;

/**
 * The records one foreign document yields, with the importer's warnings. Immutable and thread-safe.
 *
 * @param format the format read
 * @param records the records, at least one
 * @param warnings what the source held that has no field (kept under extensions)
 */
public record ImportResult(Format format, List<EvaluationRecord> records, List<ImportWarning> warnings) {
    /** Copies the lists. */
    public ImportResult {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }
}
