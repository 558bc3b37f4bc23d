package org.evalledger.signing;

import java.util.List;
import java.util.Optional;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying one envelope: exactly one {@link Status}, the reason for an INVALID
 * or REVOKED status, the record's digest, and what became of each signature.
 *
 * <p>Verification cannot be ignored by accident: {@link #record()} hands out the record only when
 * the status is VERIFIED or SELF_REPORTED and throws otherwise; a caller who wants to look at an
 * UNTRUSTED record must ask for {@link #unverifiedRecord()}, whose name says the risk.
 * Immutable and thread-safe.
 */
public final class Verification {
    private final Status status;
    private final @Nullable Reason reason;
    private final String message;
    private final @Nullable EvaluationRecord record;
    private final @Nullable String digest;
    private final List<SignatureOutcome> signatures;
    private final List<String> warnings;
    private final @Nullable ValidationReport validation;

    Verification(Status status, @Nullable Reason reason, String message, @Nullable EvaluationRecord record,
            @Nullable String digest, List<SignatureOutcome> signatures, List<String> warnings) {
        this(status, reason, message, record, digest, signatures, warnings, null);
    }

    private Verification(Status status, @Nullable Reason reason, String message, @Nullable EvaluationRecord record,
            @Nullable String digest, List<SignatureOutcome> signatures, List<String> warnings, @Nullable ValidationReport validation) {
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.record = record;
        this.digest = digest;
        this.signatures = List.copyOf(signatures);
        this.warnings = List.copyOf(warnings);
        this.validation = validation;
    }

    /** This verification with the validation report of the record in its payload. */
    Verification withValidation(ValidationReport report) {
        return new Verification(status, reason, message, record, digest, signatures, warnings, report);
    }

    static Verification invalid(Reason reason, String message, List<SignatureOutcome> signatures) {
        return new Verification(Status.INVALID, reason, message, null, null, signatures, List.of());
    }

    /** The status. */
    public Status status() {
        return status;
    }

    /** Why the status is INVALID or REVOKED. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** A one-line explanation for people. */
    public String message() {
        return message;
    }

    /** The record's digest {@code sha256:<hex>}, when the payload held a valid record. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** What became of each signature, in envelope order. */
    public List<SignatureOutcome> signatures() {
        return signatures;
    }

    /** Warnings that do not change the status (a non-canonical payload in lenient mode, record validation warnings). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The verified record.
     *
     * @throws IllegalStateException unless the status is VERIFIED or SELF_REPORTED
     */
    public EvaluationRecord record() {
        if (!status.trusted() || record == null) {
            throw new IllegalStateException("the record is " + status + (reason == null ? "" : " (" + reason.code() + ")")
                    + " and must not be used as vouched for; use unverifiedRecord() to inspect an UNTRUSTED one");
        }
        return record;
    }

    /**
     * The record of a well-formed envelope whatever its trust (VERIFIED, SELF_REPORTED, UNTRUSTED or
     * REVOKED): nobody trusted vouches for it unless {@link #status()} says so.
     */
    public Optional<EvaluationRecord> unverifiedRecord() {
        return Optional.ofNullable(record);
    }

    /**
     * The validation of the record in the payload (schema and semantic rules, with every issue),
     * when verification got that far: the envelope was well formed, its signatures were not
     * refused outright and its payload was a canonical in-toto Statement of a record. A caller
     * that needs the validation report does not have to validate again.
     */
    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    @Override
    public String toString() {
        return status + (reason == null ? "" : " " + reason.code()) + ": " + message;
    }
}
