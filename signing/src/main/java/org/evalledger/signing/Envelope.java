package org.evalledger.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.StrictJson;
import org.evalledger.signing.internal.StrictBase64;
import org.jspecify.annotations.Nullable;

/**
 * A DSSE v1 envelope: a payload, its type, and one or more signatures over
 * {@link Pae#encode(String, byte[]) PAE(payloadType, payload)}. Immutable and thread-safe.
 *
 * <pre>{@code {"payloadType": "application/vnd.in-toto+json", "payload": "<base64>",
 *  "signatures": [{"keyid": "<64 hex>", "sig": "<base64 of 64 bytes>"}]}}</pre>
 */
public final class Envelope {
    /** The payload type of signed records: an in-toto Statement. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    /** The default size cap for an envelope document: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** The most signatures an envelope may carry. */
    public static final int MAX_SIGNATURES = 16;

    private static final Set<String> MEMBERS = Set.of("payloadType", "payload", "signatures");
    private static final Set<String> SIGNATURE_MEMBERS = Set.of("keyid", "sig");

    private final String payloadType;
    private final byte[] payload;
    private final List<Signature> signatures;

    /**
     * One signature entry. Immutable and thread-safe.
     */
    public static final class Signature {
        private final @Nullable String keyId;
        private final byte[] sig;

        /**
         * @param keyId the key id hint, or null (an empty hint is treated as none)
         * @param sig the signature bytes
         */
        public Signature(@Nullable String keyId, byte[] sig) {
            this.keyId = keyId == null || keyId.isEmpty() ? null : keyId;
            this.sig = Objects.requireNonNull(sig, "sig").clone();
        }

        /** The key id hint; unauthenticated, used only to find the key. */
        public Optional<String> keyId() {
            return Optional.ofNullable(keyId);
        }

        /** A copy of the signature bytes. */
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && Objects.equals(keyId, s.keyId) && Arrays.equals(sig, s.sig);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyId, Arrays.hashCode(sig));
        }

        @Override
        public String toString() {
            return "Signature[keyid=" + keyId + ", " + sig.length + " bytes]";
        }
    }

    /**
     * @param payloadType the payload type
     * @param payload the payload bytes (copied)
     * @param signatures the signatures (copied), at most {@value #MAX_SIGNATURES}
     */
    public Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
        this(payloadType, signatures, Objects.requireNonNull(payload, "payload").clone());
    }

    /** Keeps {@code ownPayload} itself: for an array no one else holds (a freshly decoded payload). */
    private Envelope(String payloadType, List<Signature> signatures, byte[] ownPayload) {
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.payload = ownPayload;
        this.signatures = List.copyOf(signatures);
        if (this.signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("an envelope carries at most " + MAX_SIGNATURES + " signatures");
        }
    }

    /** The payload type. */
    public String payloadType() {
        return payloadType;
    }

    /** A copy of the exact payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload bytes themselves, not a copy, for this package's verifiers: never modify them. */
    byte[] payloadBytes() {
        return payload;
    }

    /** The signatures, in envelope order. */
    public List<Signature> signatures() {
        return signatures;
    }

    /** The bytes every signature covers. */
    public byte[] pae() {
        return Pae.encode(payloadType, payload);
    }

    /** A copy with one more signature; the payload is untouched. */
    public Envelope withSignature(Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new Envelope(payloadType, payload, all);
    }

    /** The envelope as compact JSON (RFC 8785 form, standard base64). */
    public byte[] toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("payloadType", new JsonValue.JsonString(payloadType));
        m.put("payload", new JsonValue.JsonString(StrictBase64.encode(payload)));
        List<JsonValue> sigs = new ArrayList<>();
        for (Signature s : signatures) {
            Map<String, JsonValue> sm = new LinkedHashMap<>();
            s.keyId().ifPresent(k -> sm.put("keyid", new JsonValue.JsonString(k)));
            sm.put("sig", new JsonValue.JsonString(StrictBase64.encode(s.sig)));
            sigs.add(new JsonValue.JsonObject(sm));
        }
        m.put("signatures", new JsonValue.JsonArray(sigs));
        return StrictJson.canonical(new JsonValue.JsonObject(m));
    }

    /** Parses an envelope with the default size cap; see {@link #parse(byte[], long)}. */
    public static Envelope parse(byte[] json) {
        return parse(json, DEFAULT_MAX_BYTES);
    }

    /**
     * Parses an envelope strictly (SIGNING.md rejections 1-3; the payload type is checked by the
     * verifiers, since the DSSE layer accepts any type).
     *
     * @throws EnvelopeException with the reason of the first problem
     */
    public static Envelope parse(byte[] json, long maxBytes) {
        Objects.requireNonNull(json, "json");
        if (json.length > maxBytes) {
            throw new EnvelopeException(Reason.TOO_LARGE, "the envelope has " + json.length + " bytes; the cap is " + maxBytes);
        }
        JsonValue root;
        try {
            root = StrictJson.parse(json, new ParseLimits(maxBytes, ParseLimits.DEFAULT.maxStringChars() * 24));
        } catch (RecordFormatException e) {
            Reason r = e.code().equals("EL-PARSE-DUPLICATE-KEY") ? Reason.DUPLICATE_MEMBER
                    : e.code().equals("EL-PARSE-TOO-LARGE") ? Reason.TOO_LARGE : Reason.MALFORMED_JSON;
            throw new EnvelopeException(r, "the envelope is not strict JSON: " + e.getMessage());
        }
        if (!(root instanceof JsonValue.JsonObject obj)) {
            throw new EnvelopeException(Reason.MISSING_FIELD, "the envelope must be a JSON object");
        }
        for (String name : obj.members().keySet()) {
            if (!MEMBERS.contains(name)) {
                throw new EnvelopeException(Reason.UNKNOWN_MEMBER, "unknown envelope member \"" + name
                        + "\"; a DSSE envelope has only payloadType, payload and signatures");
            }
        }
        String type = string(obj, "payloadType");
        byte[] payload = base64(string(obj, "payload"), "payload");
        JsonValue sigs = obj.members().get("signatures");
        if (!(sigs instanceof JsonValue.JsonArray array)) {
            throw new EnvelopeException(Reason.MISSING_FIELD, "\"signatures\" must be an array of signature objects");
        }
        if (array.items().isEmpty()) {
            throw new EnvelopeException(Reason.NO_SIGNATURES, "the envelope has no signatures");
        }
        if (array.items().size() > MAX_SIGNATURES) {
            throw new EnvelopeException(Reason.TOO_MANY_SIGNATURES,
                    "the envelope has " + array.items().size() + " signatures; at most " + MAX_SIGNATURES + " are allowed");
        }
        List<Signature> signatures = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonValue.JsonObject s)) {
                throw new EnvelopeException(Reason.MISSING_FIELD, "each signature must be an object with \"sig\"");
            }
            for (String name : s.members().keySet()) {
                if (!SIGNATURE_MEMBERS.contains(name)) {
                    throw new EnvelopeException(Reason.UNKNOWN_MEMBER, "unknown signature member \"" + name
                            + "\"; a signature has only keyid and sig");
                }
            }
            JsonValue keyid = s.members().get("keyid");
            if (keyid != null && !(keyid instanceof JsonValue.JsonString)) {
                throw new EnvelopeException(Reason.MISSING_FIELD, "a signature's \"keyid\" must be a string");
            }
            signatures.add(new Signature(keyid == null ? null : ((JsonValue.JsonString) keyid).value(),
                    base64(string(s, "sig"), "sig")));
        }
        return new Envelope(type, signatures, payload); // the decoded payload is ours alone
    }

    private static String string(JsonValue.JsonObject obj, String name) {
        JsonValue v = obj.members().get(name);
        if (!(v instanceof JsonValue.JsonString s)) {
            throw new EnvelopeException(Reason.MISSING_FIELD,
                    "\"" + name + "\" is " + (v == null ? "missing" : "not a string") + "; a DSSE envelope needs it");
        }
        return s.value();
    }

    private static byte[] base64(String text, String field) {
        return StrictBase64.decode(text).orElseThrow(() -> new EnvelopeException(Reason.BAD_BASE64,
                "\"" + field + "\" is not canonical base64 (standard or URL-safe, no whitespace or other characters)"));
    }

    /** The payload as text, for diagnostics. */
    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && payloadType.equals(e.payloadType) && Arrays.equals(payload, e.payload)
                && signatures.equals(e.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
    }

    @Override
    public String toString() {
        return "Envelope[" + payloadType + ", " + payload.length + " payload bytes, " + signatures.size() + " signature(s)]";
    }
}
