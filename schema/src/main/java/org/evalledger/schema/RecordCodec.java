package org.evalledger.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.SchemaCheck;
import org.evalledger.schema.internal.SemanticRules;
import org.evalledger.schema.internal.TreeMapper;
import org.evalledger.schema.internal.json.Jcs;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads evaluation records from JSON bytes and writes them back.
 *
 * <p>{@link #read(byte[])} parses strictly (SCHEMA.md "Parsing": UTF-8 only, no byte-order mark,
 * no duplicate members, no NaN, at most 64 levels, size limits) and then checks the JSON Schema;
 * anything else raises a {@link RecordFormatException} with a stable code. It does not apply the
 * semantic rules (a value outside its range is still a readable record): use
 * {@link RecordValidator} to learn every problem of a document.
 *
 * <p>Instances are immutable and thread-safe; share one.
 *
 * <pre>{@code
 * RecordCodec codec = RecordCodec.standard();
 * EvaluationRecord record = codec.read(Files.readAllBytes(path));
 * String digest = codec.digest(record);          // "sha256:..." of the RFC 8785 form
 * Files.write(out, codec.write(record));
 * }</pre>
 */
public final class RecordCodec {
    private static final RecordCodec STANDARD = new RecordCodec(ParseLimits.DEFAULT);

    /** The indenting mapper of {@link #write}, built on first use: reading, validating and digesting never need it. */
    private static final class Pretty {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    private final ParseLimits limits;

    private RecordCodec(ParseLimits limits) {
        this.limits = limits;
    }

    /** A codec with the default limits (16 MiB documents, 1 Mi-character strings). */
    public static RecordCodec standard() {
        return STANDARD;
    }

    /** A codec with other parse limits. */
    public static RecordCodec withLimits(ParseLimits limits) {
        return new RecordCodec(Objects.requireNonNull(limits, "limits"));
    }

    /** The parse limits of this codec. */
    public ParseLimits limits() {
        return limits;
    }

    /**
     * Reads one record.
     *
     * @param json the document's bytes (UTF-8)
     * @return the record
     * @throws RecordFormatException when the bytes are not strict JSON ({@code EL-PARSE-*}) or do
     *     not match the v1 JSON Schema ({@code EL-SCHEMA-*}, with every schema issue attached)
     */
    public EvaluationRecord read(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonValue root = Documents.parseValue(json, limits);
        List<Issue> issues = new ArrayList<>(SchemaCheck.check(root, () -> Documents.parse(json, limits)));
        if (issues.isEmpty()) {
            SemanticRules.checkTimestamps(root, issues);
        }
        if (!issues.isEmpty()) {
            throw new RecordFormatException(issues);
        }
        return TreeMapper.toRecord(root);
    }

    /**
     * Writes a record as indented UTF-8 JSON for people, members in the order of SCHEMA.md.
     * Reading the bytes back gives an equal record.
     */
    public byte[] write(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            return Pretty.MAPPER.writeValueAsBytes(TreeMapper.toTree(record));
        } catch (JacksonException e) {
            throw new IllegalStateException("could not serialise a record tree; this is a bug: " + e.getOriginalMessage(), e);
        }
    }

    /** The record's RFC 8785 canonical JSON bytes: what its digest and signatures cover. */
    public byte[] canonical(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        return Jcs.canonicalize(TreeMapper.toValue(record));
    }

    /**
     * The record's digest, {@code "sha256:" + hex(SHA-256(JCS(record)))} (SCHEMA.md "Identity").
     * Equal records have equal digests whatever the key order or whitespace of their files.
     */
    public String digest(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        return digestOfValue(TreeMapper.toValue(record));
    }

    /** The digest of a record from its value ({@code TreeMapper.toValue}), for a caller that holds the value already. */
    static String digestOfValue(JsonValue recordValue) {
        return CanonicalJson.digestOf(Jcs.canonicalize(recordValue));
    }
}
