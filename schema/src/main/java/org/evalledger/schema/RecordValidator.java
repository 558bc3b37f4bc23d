package org.evalledger.schema;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.SchemaCheck;
import org.evalledger.schema.internal.SemanticRules;
import org.evalledger.schema.internal.TreeMapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validates documents as v1 records: strict parsing, then the JSON Schema, then the semantic
 * rules of SCHEMA.md. It returns every issue at once, each with a stable code, a JSON Pointer and
 * a message that says how to fix it; it never throws for bad input.
 *
 * <p>A parse failure stops validation there (there is no tree to check further); schema issues
 * are all reported; semantic rules run when the document matches the schema.
 *
 * <p>Instances are immutable and thread-safe; share one. The clock is read once per validation,
 * for the "not in the future" rule.
 *
 * <pre>{@code
 * ValidationReport report = RecordValidator.standard().validate(bytes);
 * if (!report.valid()) report.errors().forEach(System.err::println);
 * }</pre>
 */
public final class RecordValidator {
    private static final RecordValidator STANDARD = new RecordValidator(Clock.systemUTC(), ParseLimits.DEFAULT);

    private final Clock clock;
    private final ParseLimits limits;

    private RecordValidator(Clock clock, ParseLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** A validator with the system UTC clock and the default parse limits. */
    public static RecordValidator standard() {
        return STANDARD;
    }

    /** A copy that reads this clock (for deterministic tests, or validation "as of" a time). */
    public RecordValidator withClock(Clock clock) {
        return new RecordValidator(Objects.requireNonNull(clock, "clock"), limits);
    }

    /** A copy with other parse limits. */
    public RecordValidator withLimits(ParseLimits limits) {
        return new RecordValidator(clock, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Validates a document.
     *
     * @param json the document's bytes; any bytes at all
     * @return the report; {@link ValidationReport#record()} is present when the document matched the schema
     */
    public ValidationReport validate(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonValue root;
        try {
            root = Documents.parseValue(json, limits);
        } catch (RecordFormatException e) {
            return new ValidationReport(e.issues(), null, null);
        }
        return validate(root, () -> Documents.parse(json, limits), null);
    }

    /**
     * Validates a document already parsed strictly into core values (for example the predicate of
     * a signed Statement), exactly as {@code validate(StrictJson.canonical(document))} would: the
     * same issues and the same record and digest, without writing and reading the bytes again.
     *
     * @param document any JSON value
     * @return the report
     */
    public ValidationReport validate(JsonValue document) {
        Objects.requireNonNull(document, "document");
        return validate(document, () -> TreeMapper.toCanonicalTree(document), null);
    }

    /**
     * Validates a document read with {@link StrictJson#read} (or one of its members), exactly as
     * {@link #validate(JsonValue)} validates its value: the same issues, record and digest. When
     * the document's bytes were canonical and the record maps back to the same value, the digest
     * is taken from those bytes rather than from writing the record out again.
     *
     * @param document a document read strictly
     * @return the report
     */
    public ValidationReport validate(StrictJson.Document document) {
        Objects.requireNonNull(document, "document");
        JsonValue value = document.value();
        return validate(value, () -> TreeMapper.toCanonicalTree(value), document);
    }

    /**
     * Validates a record built in code: the JSON Schema (the core types check most of it already)
     * and the semantic rules.
     */
    public ValidationReport validate(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        return validate(TreeMapper.toValue(record), () -> TreeMapper.toTree(record), null);
    }

    /**
     * @param root the document
     * @param tree the Jackson tree of the same document that networknt reports issues on, built only
     *     when the fast path does not find the document conforming (see {@link SchemaCheck#check})
     * @param read the document as read, whose canonical bytes (if it had them) give the digest when
     *     the record's own value equals {@code root}; null when there is none
     */
    private ValidationReport validate(JsonValue root, Supplier<JsonNode> tree, StrictJson.@Nullable Document read) {
        List<Issue> issues = new ArrayList<>(SchemaCheck.check(root, tree));
        if (!issues.isEmpty()) {
            return new ValidationReport(issues, null, null);
        }
        SemanticRules.checkTimestamps(root, issues);
        if (!issues.isEmpty()) {
            return new ValidationReport(issues, null, null);
        }
        TreeMapper.Mapped mapped;
        try {
            mapped = TreeMapper.toRecordChecked(root);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // the schema mirrors the core types' rules, so this means they drifted apart: report, don't throw
            issues.add(Issue.of(ErrorCode.SCHEMA_INVALID, "", "the document matches the JSON Schema but not the record model: "
                    + e.getMessage() + ". Please report this mismatch."));
            return new ValidationReport(issues, null, null);
        }
        EvaluationRecord record = mapped.record();
        SemanticRules.check(record, clock.instant(), issues);
        // The digest covers JCS(the record's value), as RecordCodec.digest writes it. When the record's
        // value is the value read (the mapping tells), that value gives it; and when the bytes read
        // were canonical, those bytes are its JCS form: hash them directly.
        String digest;
        if (!mapped.writesBack()) {
            digest = RecordCodec.digestOfValue(TreeMapper.toValue(record));
        } else if (read != null && read.canonical()) {
            digest = read.canonicalDigest();
        } else {
            digest = RecordCodec.digestOfValue(root);
        }
        return new ValidationReport(issues, record, digest);
    }
}
