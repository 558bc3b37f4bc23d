package org.evalledger.signing;

import java.util.Arrays;
import java.util.Objects;
import org.evalledger.signing.internal.Crypto;

/**
 * A public key that checks signatures: Ed25519 or ECDSA P-256, validated when created (small-order
 * or non-canonical Ed25519 keys and points not on P-256 are refused, SIGNING.md rejection 8).
 * Its {@link #keyId()} is the lower-case hex SHA-256 of its DER SubjectPublicKeyInfo.
 * Immutable and thread-safe.
 */
public final class VerificationKey {
    private final Crypto.PublicKey key;
    private final String keyId;

    VerificationKey(Crypto.PublicKey key) {
        this.key = key;
        this.keyId = Crypto.keyId(key.spki());
    }

    /**
     * A key from its DER SubjectPublicKeyInfo.
     *
     * @throws KeyException when the bytes are not a valid Ed25519 or P-256 key
     */
    public static VerificationKey fromSpki(byte[] spkiDer) {
        return new VerificationKey(Crypto.publicKey(Objects.requireNonNull(spkiDer, "spkiDer").clone()));
    }

    /**
     * A key from SPKI PEM text ({@code -----BEGIN PUBLIC KEY-----}).
     *
     * @throws KeyException when the text is not one valid Ed25519 or P-256 public key
     */
    public static VerificationKey fromPem(String pem) {
        return fromSpki(Crypto.pemBlock(Objects.requireNonNull(pem, "pem"), "PUBLIC KEY"));
    }

    /** The algorithm, which decides how signatures are checked (never the envelope). */
    public Algorithm algorithm() {
        return key.algorithm();
    }

    /** Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo. */
    public String keyId() {
        return keyId;
    }

    /** A copy of the DER SubjectPublicKeyInfo. */
    public byte[] spki() {
        return key.spki().clone();
    }

    /** The key as SPKI PEM text. */
    public String toPem() {
        return Crypto.pem("PUBLIC KEY", key.spki());
    }

    /**
     * Whether {@code signature} is this key's signature of exactly these message bytes: Ed25519 as
     * RFC 8032 defines it and Bouncy Castle verifies it (S below the group order, canonical
     * encodings), or ECDSA P-256 with SHA-256 as 64 bytes r||s. False for a signature of any other
     * length, never an exception for a bad one. This is the raw signature check; an envelope is
     * verified with {@link DsseVerifier} or {@link Verifier}, which build the message (DSSE's PAE).
     *
     * <p>Thread-safe. An Ed25519 key that checks many signatures makes a table of its own multiples
     * on its 256th check (about 84 KB; at most 64 keys per JVM have one), after which a valid
     * signature takes about half as long; the verdicts are the same.
     */
    public boolean verifies(byte[] message, byte[] signature) {
        return Crypto.verify(key, Objects.requireNonNull(message, "message"), Objects.requireNonNull(signature, "signature"))
                == Crypto.Check.VALID;
    }

    Crypto.PublicKey internal() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey k && Arrays.equals(key.spki(), k.key.spki());
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm().wireName() + ", keyid=" + keyId + "]";
    }
}
