package org.evalledger.schema;

import java.util.Objects;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.json.Jcs;

/**
 * Strict parsing (SCHEMA.md "Parsing") of any JSON document into core {@link JsonValue}s, and the
 * RFC 8785 form of a value. For formats built around records, such as signed envelopes, that must
 * be read as strictly as records. Stateless and thread-safe.
 */
public final class StrictJson {
    private StrictJson() {}

    /**
     * Parses a document strictly.
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code when the bytes are not strict JSON
     */
    public static JsonValue parse(byte[] json, ParseLimits limits) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(limits, "limits");
        return Documents.parseValue(json, limits);
    }

    /** The RFC 8785 canonical bytes of a value. */
    public static byte[] canonical(JsonValue value) {
        Objects.requireNonNull(value, "value");
        return Jcs.canonicalize(value);
    }
}
