package org.evalledger.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.jspecify.annotations.Nullable;

/**
 * Which keys are trusted, for what, and how many independent verifiers make a record VERIFIED
 * (SIGNING.md "Trust policy and status"; the file format is CLI.md "Trust policy file").
 * Immutable and thread-safe; build one with {@link #builder()} or read one with {@link #read(Path)}.
 */
public final class TrustPolicy {
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final Set<String> TOP = Set.of("version", "threshold", "keys");
    private static final Set<String> KEY_MEMBERS =
            Set.of("keyid", "publicKey", "owner", "roles", "scope", "notBefore", "notAfter", "revokedAt");

    private final int threshold;
    private final List<TrustedKey> keys;

    private TrustPolicy(int threshold, List<TrustedKey> keys) {
        this.threshold = threshold;
        this.keys = List.copyOf(keys);
    }

    /** A builder with threshold 1 and no keys. */
    public static Builder builder() {
        return new Builder();
    }

    /** Independent verifiers required for VERIFIED (default 1). */
    public int threshold() {
        return threshold;
    }

    /** The trusted keys, in file order. */
    public List<TrustedKey> keys() {
        return keys;
    }

    /** The trusted key with this id, if any. */
    public Optional<TrustedKey> key(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        Builder b = builder().threshold(threshold);
        keys.forEach(b::add);
        return b;
    }

    /** Builds a {@link TrustPolicy}; not thread-safe. */
    public static final class Builder {
        private int threshold = 1;
        private final Map<String, TrustedKey> keys = new LinkedHashMap<>();

        private Builder() {}

        /** Sets the verifier threshold. @param t at least 1 @return this builder */
        public Builder threshold(int t) {
            if (t < 1) {
                throw new IllegalArgumentException("threshold must be at least 1, got " + t);
            }
            this.threshold = t;
            return this;
        }

        /** Adds a key, replacing an entry with the same key id. @param key the key @return this builder */
        public Builder add(TrustedKey key) {
            keys.put(key.keyId(), Objects.requireNonNull(key, "key"));
            return this;
        }

        /** @return the policy */
        public TrustPolicy build() {
            return new TrustPolicy(threshold, new ArrayList<>(keys.values()));
        }
    }

    // ------------------------------------------------------------------ file format

    /** Reads a policy file. @throws PolicyException with a stable code */
    public static TrustPolicy read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PolicyException(PolicyException.INVALID, file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PolicyException(PolicyException.IO, "cannot read the trust policy " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** Parses a policy document. @throws PolicyException with a stable code */
    public static TrustPolicy parse(byte[] json) {
        JsonValue root;
        try {
            root = StrictJson.parse(json, new ParseLimits(MAX_FILE_BYTES, 1 << 20));
        } catch (RecordFormatException e) {
            throw new PolicyException(PolicyException.JSON, "the trust policy is not strict JSON: " + e.getMessage());
        }
        Map<String, JsonValue> top = object(root, "the policy");
        unknown(top, TOP, "the policy");
        JsonValue version = top.get("version");
        if (!(version instanceof JsonValue.JsonNumber n) || n.value() != 1) {
            throw new PolicyException(PolicyException.VERSION, "\"version\" must be 1 (got " + version + ")");
        }
        Builder b = builder();
        JsonValue t = top.get("threshold");
        if (t != null) {
            int threshold = integer(t, "threshold");
            if (threshold < 1) {
                throw new PolicyException(PolicyException.INVALID, "\"threshold\" must be at least 1");
            }
            b.threshold(threshold);
        }
        JsonValue keys = top.get("keys");
        if (!(keys instanceof JsonValue.JsonArray arr)) {
            throw new PolicyException(PolicyException.INVALID, "\"keys\" must be an array of key entries");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < arr.items().size(); i++) {
            TrustedKey k = key(arr.items().get(i), "keys[" + i + "]");
            if (!seen.add(k.keyId())) {
                throw new PolicyException(PolicyException.INVALID, "keys[" + i + "] repeats key " + k.keyId());
            }
            b.add(k);
        }
        return b.build();
    }

    private static TrustedKey key(JsonValue v, String at) {
        Map<String, JsonValue> m = object(v, at);
        unknown(m, KEY_MEMBERS, at);
        String pem = string(m, "publicKey", at);
        VerificationKey key;
        try {
            key = VerificationKey.fromPem(pem);
        } catch (KeyException e) {
            throw new PolicyException(PolicyException.KEY, at + ".publicKey: " + e.getMessage());
        }
        JsonValue keyid = m.get("keyid");
        if (keyid != null && !(keyid instanceof JsonValue.JsonNull)) {
            String id = string(m, "keyid", at);
            if (!id.equals(key.keyId())) {
                throw new PolicyException(PolicyException.KEYID_MISMATCH, at + ".keyid is " + id
                        + " but the SHA-256 of the public key's SPKI is " + key.keyId() + "; fix the keyid or the key");
            }
        }
        String owner = string(m, "owner", at);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(m.get("roles"), at + ".roles", true)) {
            roles.add(Role.fromWireName(r).orElseThrow(() -> new PolicyException(PolicyException.INVALID,
                    at + ".roles: unknown role \"" + r + "\"; use producer, verifier or hub")));
        }
        List<String> scope = strings(m.get("scope"), at + ".scope", false);
        try {
            return new TrustedKey(key, owner, roles, instant(m, "notBefore", at), instant(m, "notAfter", at),
                    instant(m, "revokedAt", at), scope);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(PolicyException.INVALID, at + ": " + e.getMessage());
        }
    }

    private static Map<String, JsonValue> object(JsonValue v, String at) {
        if (!(v instanceof JsonValue.JsonObject o)) {
            throw new PolicyException(PolicyException.INVALID, at + " must be a JSON object");
        }
        return o.members();
    }

    private static void unknown(Map<String, JsonValue> m, Set<String> allowed, String at) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new PolicyException(PolicyException.INVALID, at + " has unknown member \"" + k + "\"; allowed: " + allowed);
            }
        }
    }

    private static String string(Map<String, JsonValue> m, String name, String at) {
        if (!(m.get(name) instanceof JsonValue.JsonString s) || s.value().isEmpty()) {
            throw new PolicyException(PolicyException.INVALID, at + "." + name + " must be a non-empty string");
        }
        return s.value();
    }

    private static int integer(JsonValue v, String at) {
        if (!(v instanceof JsonValue.JsonNumber n) || n.value() != Math.rint(n.value()) || Math.abs(n.value()) > 1_000_000) {
            throw new PolicyException(PolicyException.INVALID, at + " must be a small integer");
        }
        return (int) n.value();
    }

    private static List<String> strings(@Nullable JsonValue v, String at, boolean required) {
        if (v == null || v instanceof JsonValue.JsonNull) {
            if (required) {
                throw new PolicyException(PolicyException.INVALID, at + " is required: a non-empty array of strings");
            }
            return List.of();
        }
        if (!(v instanceof JsonValue.JsonArray a) || (required && a.items().isEmpty())) {
            throw new PolicyException(PolicyException.INVALID, at + " must be " + (required ? "a non-empty " : "an ") + "array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonValue.JsonString s) || s.value().isEmpty()) {
                throw new PolicyException(PolicyException.INVALID, at + " must hold non-empty strings only");
            }
            out.add(s.value());
        }
        return out;
    }

    private static @Nullable Instant instant(Map<String, JsonValue> m, String name, String at) {
        JsonValue v = m.get(name);
        if (v == null || v instanceof JsonValue.JsonNull) {
            return null;
        }
        if (v instanceof JsonValue.JsonString s) {
            try {
                if (s.value().endsWith("Z")) {
                    return Instant.parse(s.value());
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new PolicyException(PolicyException.INVALID, at + "." + name + " must be an RFC 3339 UTC time such as 2026-01-01T00:00:00Z, or null");
    }

    /** The policy as a JSON document in the file format of CLI.md. */
    public byte[] toJson() {
        List<JsonValue> entries = new ArrayList<>();
        for (TrustedKey k : keys) {
            Map<String, JsonValue> e = new LinkedHashMap<>();
            e.put("keyid", new JsonValue.JsonString(k.keyId()));
            e.put("publicKey", new JsonValue.JsonString(k.key().toPem()));
            e.put("owner", new JsonValue.JsonString(k.owner()));
            List<JsonValue> roles = new ArrayList<>();
            for (Role r : Role.values()) {
                if (k.roles().contains(r)) {
                    roles.add(new JsonValue.JsonString(r.wireName()));
                }
            }
            e.put("roles", new JsonValue.JsonArray(roles));
            if (!k.scope().isEmpty()) {
                e.put("scope", new JsonValue.JsonArray(k.scope().stream().<JsonValue>map(JsonValue.JsonString::new).toList()));
            }
            e.put("notBefore", time(k.notBefore()));
            e.put("notAfter", time(k.notAfter()));
            e.put("revokedAt", time(k.revokedAt()));
            entries.add(new JsonValue.JsonObject(e));
        }
        Map<String, JsonValue> top = new LinkedHashMap<>();
        top.put("version", new JsonValue.JsonNumber(1));
        top.put("threshold", new JsonValue.JsonNumber(threshold));
        top.put("keys", new JsonValue.JsonArray(entries));
        return StrictJson.canonical(new JsonValue.JsonObject(top));
    }

    private static JsonValue time(@Nullable Instant t) {
        return t == null ? JsonValue.JsonNull.INSTANCE : new JsonValue.JsonString(t.toString());
    }

    /** Writes the policy file (replacing it). @throws PolicyException when it cannot be written */
    public void write(Path file) {
        try {
            Files.write(file, toJson());
        } catch (IOException e) {
            throw new PolicyException(PolicyException.IO, "cannot write the trust policy " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
