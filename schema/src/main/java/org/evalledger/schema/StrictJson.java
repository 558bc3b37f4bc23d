package org.evalledger.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.json.Jcs;
import org.evalledger.schema.internal.json.StrictJsonReader;
import org.jspecify.annotations.Nullable;

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

    /**
     * Parses a document strictly, exactly as {@link #parse} does, and also notes whether its bytes
     * are already its RFC 8785 form. Noting it while reading costs far less than writing the value
     * again to compare: use it where canonical form is checked or a digest is taken, as for the
     * payload of a signed Statement.
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code when the bytes are not strict JSON
     */
    public static Document read(byte[] json, ParseLimits limits) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(limits, "limits");
        StrictJsonReader.Read read = Documents.readDocument(json, limits);
        if (!read.canonical()) {
            return new Document(read.value(), null, 0, 0, List.of());
        }
        // a private copy, so that the digest taken from these bytes cannot change under a caller's edit
        return new Document(read.value(), Arrays.copyOf(json, json.length), 0, json.length, read.rootMembers());
    }

    /**
     * A document read strictly ({@link #read}): its value, and whether its bytes were exactly the
     * value's RFC 8785 form. Immutable and thread-safe.
     */
    public static final class Document {
        private final JsonValue value;
        private final byte @Nullable [] canonicalBytes;
        private final int offset;
        private final int length;
        private final List<StrictJsonReader.Span> members;

        private Document(JsonValue value, byte @Nullable [] canonicalBytes, int offset, int length, List<StrictJsonReader.Span> members) {
            this.value = value;
            this.canonicalBytes = canonicalBytes;
            this.offset = offset;
            this.length = length;
            this.members = members;
        }

        /** The value read. */
        public JsonValue value() {
            return value;
        }

        /** Whether the bytes read were exactly {@code StrictJson.canonical(value())}. */
        public boolean canonical() {
            return canonicalBytes != null;
        }

        /**
         * The document of one member's value, when this document is a canonical object read by
         * {@link #read} that has the member: a canonical document's member values are canonical
         * too, and their bytes are part of this document's. Empty otherwise, and for a member's own
         * document (only the members of the root object are located).
         */
        public Optional<Document> member(String name) {
            Objects.requireNonNull(name, "name");
            if (canonicalBytes == null || !(value instanceof JsonValue.JsonObject obj)) {
                return Optional.empty();
            }
            for (StrictJsonReader.Span s : members) {
                if (s.name().equals(name)) {
                    return Optional.of(new Document(obj.members().get(name), canonicalBytes, offset + s.start(), s.end() - s.start(),
                            List.of()));
                }
            }
            return Optional.empty();
        }

        /** {@code "sha256:" + hex(SHA-256(bytes))} of the canonical bytes; null when the document was not canonical. */
        @Nullable String canonicalDigest() {
            return canonicalBytes == null ? null : CanonicalJson.digestOf(canonicalBytes, offset, length);
        }
    }

    /** The RFC 8785 canonical bytes of a value. */
    public static byte[] canonical(JsonValue value) {
        Objects.requireNonNull(value, "value");
        return Jcs.canonicalize(value);
    }
}
