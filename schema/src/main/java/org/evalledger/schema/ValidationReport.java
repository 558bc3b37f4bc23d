package org.evalledger.schema;

import java.util.List;
import java.util.Optional;
import org.evalledger.core.EvaluationRecord;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating one document: every issue found, and the record and its digest when
 * the document could be read as one. Immutable and thread-safe.
 */
public final class ValidationReport {
    private final List<Issue> issues;
    private final @Nullable EvaluationRecord record;
    private final @Nullable String digest;

    /**
     * @param issues every issue, errors and warnings
     * @param record the record, when the document could be read as one (even if a semantic rule failed)
     * @param digest the record's digest, present exactly when the record is
     */
    public ValidationReport(List<Issue> issues, @Nullable EvaluationRecord record, @Nullable String digest) {
        this.issues = List.copyOf(issues);
        this.record = record;
        this.digest = digest;
    }

    /** True when no issue is an error (warnings do not make a record invalid). */
    public boolean valid() {
        for (Issue i : issues) { // no list built: every verification and audit asks
            if (i.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    /** Every issue, errors and warnings, in document order. */
    public List<Issue> issues() {
        return issues;
    }

    /** The issues of severity error. */
    public List<Issue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    /** The issues of severity warning. */
    public List<Issue> warnings() {
        return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }

    /**
     * The record the document describes. Present when the document parsed and matched the JSON
     * Schema, even when a semantic rule failed: check {@link #valid()} before trusting it.
     */
    public Optional<EvaluationRecord> record() {
        return Optional.ofNullable(record);
    }

    /** The record's digest {@code sha256:<hex>}, present exactly when {@link #record()} is. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    @Override
    public String toString() {
        return (valid() ? "valid" : "invalid") + ", " + issues.size() + " issue(s)" + (issues.isEmpty() ? "" : ": " + issues);
    }
}
