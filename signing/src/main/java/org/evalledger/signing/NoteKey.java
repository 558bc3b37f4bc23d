package org.evalledger.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.evalledger.signing.internal.Crypto;

/**
 * A C2SP signed-note verifier key: a name and an Ed25519 public key (signature type 0x01). Its key
 * hash is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key), and its text form
 * ({@link #vkey()}) is {@code name+hex(key hash)+base64(0x01 ‖ public key)}. Immutable and
 * thread-safe.
 */
public final class NoteKey {
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final VerificationKey key;
    private final byte[] raw;
    private final byte[] hash;

    private NoteKey(String name, VerificationKey key, byte[] raw) {
        this.name = name;
        this.key = key;
        this.raw = raw;
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[n.length + 2 + raw.length];
        System.arraycopy(n, 0, m, 0, n.length);
        m[n.length] = '\n';
        m[n.length + 1] = 1;
        System.arraycopy(raw, 0, m, n.length + 2, raw.length);
        this.hash = Arrays.copyOf(Crypto.sha256(m), 4);
    }

    /**
     * The verifier key of an Ed25519 public key under this name (for a log: its origin).
     *
     * @throws NoteException ({@code EL-NOTE-KEY}) for a name with spaces, '+' or newlines, or a key that is not Ed25519
     */
    public static NoteKey of(String name, VerificationKey key) {
        checkName(Objects.requireNonNull(name, "name"));
        if (key.algorithm() != Algorithm.ED25519) {
            throw new NoteException(NoteException.KEY, "signed notes use Ed25519 keys; this key is " + key.algorithm().wireName());
        }
        byte[] spki = key.spki();
        return new NoteKey(name, key, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /**
     * Parses {@code name+hash+base64(0x01 ‖ key)}.
     *
     * @throws NoteException ({@code EL-NOTE-KEY}) when it is malformed, not Ed25519, or its hash does not match
     */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteException(NoteException.KEY, "a verifier key is name+hash+key, got \"" + vkey + "\"");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException(NoteException.KEY, "the key part is not base64");
        }
        if (typed.length != 33 || typed[0] != 1) {
            throw new NoteException(NoteException.KEY, "only Ed25519 keys (type 0x01, 32 bytes) are supported");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        VerificationKey key;
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            key = VerificationKey.fromSpki(spki);
        } catch (KeyException e) {
            throw new NoteException(NoteException.KEY, "unusable Ed25519 key: " + e.getMessage());
        }
        NoteKey k = of(parts[0], key);
        if (!HexFormat.of().formatHex(k.hash).equals(parts[1])) {
            throw new NoteException(NoteException.KEY, "key hash " + parts[1] + " does not match the name and key");
        }
        return k;
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ' ' || c == '+' || c == '\n' || Character.isISOControl(c))) {
            throw new NoteException(NoteException.KEY, "a key name must be non-empty without spaces, '+' or control characters: \"" + name + "\"");
        }
    }

    /** The key name. */
    public String name() {
        return name;
    }

    /** The Ed25519 key. */
    public VerificationKey key() {
        return key;
    }

    /** The 4-byte key hash as 8 hex digits. */
    public String keyHash() {
        return HexFormat.of().formatHex(hash);
    }

    byte[] hashBytes() {
        return hash.clone();
    }

    byte[] raw() {
        return raw.clone();
    }

    /** {@code name+hash+base64(0x01 ‖ key)}. */
    public String vkey() {
        byte[] typed = new byte[33];
        typed[0] = 1;
        System.arraycopy(raw, 0, typed, 1, 32);
        return name + "+" + keyHash() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteKey k && k.name.equals(name) && Arrays.equals(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "NoteKey[" + name + "+" + keyHash() + "]";
    }
}
