package org.evalledger.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Finding;
import org.evalledger.anomaly.Severity;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.Issue;
import org.evalledger.schema.RecordValidator;
import org.evalledger.signing.Status;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;
import org.jspecify.annotations.Nullable;

/**
 * The hub operator's decision for one upload (CLI.md "Decision rule for audit"): parse, validate,
 * verify, check, then ACCEPT, REVIEW or REJECT with reason codes. Thread-safe: one per audit, shared
 * by all worker threads.
 */
final class Auditor {
    enum Decision { ACCEPT, REVIEW, REJECT }

    /** Reason code when the status is below {@code --require}. */
    static final String STATUS_BELOW_REQUIRED = "EL-AUDIT-STATUS";
    /** Reason code prefix of a finding at warning or above: EL-ANOMALY-S2 and so on. */
    static final String ANOMALY = "EL-ANOMALY-";
    /** Reason code of an upload that cannot be read. */
    static final String UNREADABLE = "EL-AUDIT-UNREADABLE";

    private final RecordValidator validator;
    private final Verifier verifier;
    private final CompletableFuture<AnomalyDetector> detector;
    private final Status required;
    private final @Nullable Instant at;

    /** @param item the upload's audit item (CLI.md), or null when it was not asked for */
    record Outcome(Path file, Decision decision, List<String> reasons, @Nullable Map<String, Object> item) {}

    /**
     * An upload read, verified and validated: all of its audit that needs no population, so that it
     * can be done while the population is still being fitted. Its record, when it has one, is
     * checked by {@link #decide}.
     */
    static final class Prepared {
        private final @Nullable Verification ver;
        private final Uploads.Validated v;

        private Prepared(@Nullable Verification ver, Uploads.Validated v) {
            this.ver = ver;
            this.v = v;
        }
    }

    Auditor(RecordValidator validator, Verifier verifier, AnomalyDetector detector, Status required, @Nullable Instant at) {
        this(validator, verifier, CompletableFuture.completedFuture(detector), required, at);
    }

    /**
     * @param detector the population's detector, which may still be being fitted: {@link #prepare}
     *     does not wait for it, {@link #decide} and {@link #audit} do, and rethrow what stopped it
     */
    Auditor(RecordValidator validator, Verifier verifier, CompletableFuture<AnomalyDetector> detector, Status required,
            @Nullable Instant at) {
        this.validator = validator;
        this.verifier = verifier;
        this.detector = detector;
        this.required = required;
        this.at = at;
    }

    /** The detector's future: done once the population is fitted (or its loading failed). */
    CompletableFuture<AnomalyDetector> detector() {
        return detector;
    }

    /**
     * The detector, once fitted; rethrows what stopped its fitting (a {@link UsageException} for a
     * population that cannot be read, so that the command fails as it would have before any upload).
     */
    AnomalyDetector detectorNow() {
        return Populations.await(detector);
    }

    /** {@code verified} → VERIFIED, {@code self-reported} → SELF_REPORTED, {@code any} → UNSIGNED (accepts all four). */
    static Status required(String s) {
        return switch (s) {
            case "verified" -> Status.VERIFIED;
            case "self-reported" -> Status.SELF_REPORTED;
            case "any" -> Status.UNSIGNED;
            default -> throw new UsageException("--require must be verified, self-reported or any, got " + s);
        };
    }

    private static int rank(Status s) {
        return switch (s) {
            case VERIFIED -> 3;
            case SELF_REPORTED -> 2;
            case UNTRUSTED -> 1;
            case UNSIGNED -> 0;
            default -> -1;
        };
    }

    /**
     * The verification of an upload that is an envelope ({@link Uploads#kind}), null for a record. A
     * byte scan decides most uploads; an upload it takes for an envelope whose verification stops
     * before the record (the envelope may not even parse) is judged by {@link Uploads#kind} as before.
     */
    private @Nullable Verification verifyIfEnvelope(byte[] bytes) {
        Uploads.Scan scan = Uploads.scan(bytes);
        if (scan == Uploads.Scan.RECORD
                || scan == Uploads.Scan.UNSURE && Uploads.kind(bytes) != Uploads.Kind.envelope) {
            return null;
        }
        Verification ver = Uploads.verify(bytes, verifier, at);
        if (scan == Uploads.Scan.ENVELOPE && ver.validation().isEmpty() && Uploads.kind(bytes) != Uploads.Kind.envelope) {
            return null; // nested values the scan skipped are not JSON: a record, for validation to report
        }
        return ver;
    }

    /**
     * @param file the file as it is named in the output
     * @param withItem whether to build the upload's audit item (for JSON output, a report or a
     *     listener); the text output needs only the decision and reasons
     */
    Outcome audit(Path file, byte[] bytes, boolean withItem) {
        return decide(file, prepare(bytes), withItem);
    }

    /** Verifies and validates an upload; never waits for the detector. */
    Prepared prepare(byte[] bytes) {
        // an envelope's verification validates the record in it: its report is reused, so that each
        // upload is parsed and validated once; only uploads whose verification stopped earlier are
        // validated on their own, for the report's validation item
        Verification ver = verifyIfEnvelope(bytes);
        Uploads.Validated v = ver != null && ver.validation().isPresent()
                ? new Uploads.Validated(Uploads.Kind.envelope, ver.validation().get(), null)
                : Uploads.validate(bytes, validator);
        return new Prepared(ver, v);
    }

    /**
     * Checks a prepared upload against the population, waiting for the detector if it is still
     * being fitted, and decides.
     */
    Outcome decide(Path file, Prepared p, boolean withItem) {
        Verification ver = p.ver;
        Uploads.Validated v = p.v;
        Status status = ver == null ? Status.UNSIGNED : ver.status();
        Optional<EvaluationRecord> record = Uploads.recordToCheck(v, ver);
        AnomalyReport anomalies = record.isPresent() ? detectorNow().check(record.get()) : null;

        Set<String> reasons = new LinkedHashSet<>();
        Decision d;
        if (!v.valid() || status == Status.INVALID || status == Status.REVOKED) {
            d = Decision.REJECT;
            for (Issue i : v.report().errors()) {
                reasons.add(i.code());
            }
            if (ver != null) {
                ver.reason().ifPresent(r -> reasons.add(r.code()));
            }
        } else {
            d = Decision.ACCEPT;
            if (rank(status) < rank(required)) {
                d = Decision.REVIEW;
                reasons.add(STATUS_BELOW_REQUIRED);
            }
            if (anomalies != null) {
                for (Finding f : anomalies.findings()) {
                    if (f.severity().atLeast(Severity.WARNING)) {
                        d = Decision.REVIEW;
                        reasons.add(ANOMALY + f.detector());
                    }
                }
            }
        }
        if (!withItem) {
            return new Outcome(file, d, new ArrayList<>(reasons), null);
        }
        Map<String, Object> item = Json.obj();
        item.put("file", file.toString());
        item.put("decision", d.name());
        item.put("reasons", new ArrayList<>(reasons));
        item.put("validation", Uploads.validationItem(file, v));
        item.put("verification", Uploads.verificationItem(file, ver));
        item.put("anomalies", anomalies == null ? null : Uploads.checkItem(file, v.report().digest().orElse(null), anomalies));
        return new Outcome(file, d, new ArrayList<>(reasons), item);
    }

    /** An upload that cannot be read at all is rejected, never stops the batch. */
    static Outcome unreadable(Path file, String message) {
        Map<String, Object> item = Json.obj();
        item.put("file", file.toString());
        item.put("decision", Decision.REJECT.name());
        item.put("reasons", List.of(UNREADABLE));
        item.put("validation", null);
        item.put("verification", null);
        item.put("anomalies", null);
        item.put("message", message);
        return new Outcome(file, Decision.REJECT, List.of(UNREADABLE), item);
    }
}
