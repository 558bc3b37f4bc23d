package org.evalledger.schema;

import java.util.Objects;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.SemanticRules;
import org.evalledger.schema.internal.json.Jcs;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for any JSON document, and the {@code sha256:}
 * digests built on it. Input is parsed strictly first (see {@link RecordCodec}), so a document
 * with duplicate members or lone surrogates has no canonical form. Numbers are formatted as
 * ECMAScript does (shortest round-trip digits), not with {@code Double.toString}.
 * Stateless and thread-safe.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /**
     * The canonical form of a JSON document.
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code when the bytes are not strict JSON
     */
    public static byte[] canonicalize(byte[] json) {
        return canonicalize(json, ParseLimits.DEFAULT);
    }

    /** As {@link #canonicalize(byte[])}, with other parse limits. */
    public static byte[] canonicalize(byte[] json, ParseLimits limits) {
        Objects.requireNonNull(json, "json");
        return Jcs.canonicalize(Documents.parseValue(json, limits));
    }

    /**
     * Whether the bytes are exactly their own canonical form.
     *
     * @throws RecordFormatException when the bytes are not strict JSON
     */
    public static boolean isCanonical(byte[] json) {
        Objects.requireNonNull(json, "json");
        return Documents.readDocument(json, ParseLimits.DEFAULT).canonical(); // noted while reading, as StrictJson.read does
    }

    /** {@code "sha256:" + hex(SHA-256(bytes))}; pass canonical bytes to get a content digest. */
    public static String digestOf(byte[] canonicalBytes) {
        return digestOf(canonicalBytes, 0, canonicalBytes.length);
    }

    /** {@link #digestOf(byte[])} of {@code bytes[offset, offset + length)}. */
    static String digestOf(byte[] bytes, int offset, int length) {
        return "sha256:" + SemanticRules.sha256Hex(bytes, offset, length);
    }
}
