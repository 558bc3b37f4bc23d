package org.evalledger.signing;

import java.security.SecureRandom;
import java.util.Objects;
import org.evalledger.signing.internal.Crypto;

/**
 * A private key held in memory: Ed25519 or ECDSA P-256. It never shows its key material:
 * {@link #toString()} names only the algorithm and key id, and no exception message carries key
 * bytes. Immutable and thread-safe.
 */
public final class SigningKey implements ContentSigner {
    private final Crypto.PrivateKey key;
    private final VerificationKey publicKey;

    private SigningKey(Crypto.PrivateKey key) {
        this.key = key;
        this.publicKey = new VerificationKey(key.publicKey());
    }

    /** A new random key. */
    public static SigningKey generate(Algorithm algorithm) {
        return generate(algorithm, new SecureRandom());
    }

    /** A new key from this source of randomness. */
    public static SigningKey generate(Algorithm algorithm, SecureRandom random) {
        return new SigningKey(Crypto.generate(Objects.requireNonNull(algorithm, "algorithm"),
                Objects.requireNonNull(random, "random")));
    }

    /**
     * A key from unencrypted PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws KeyException when the text is not one Ed25519 or P-256 private key
     */
    public static SigningKey fromPem(String pem) {
        return fromPkcs8(Crypto.pemBlock(Objects.requireNonNull(pem, "pem"), "PRIVATE KEY"));
    }

    /**
     * A key from DER PKCS#8.
     *
     * @throws KeyException when the bytes are not an Ed25519 or P-256 private key
     */
    public static SigningKey fromPkcs8(byte[] der) {
        return new SigningKey(Crypto.privateKey(Objects.requireNonNull(der, "der")));
    }

    /** The algorithm. */
    public Algorithm algorithm() {
        return key.algorithm();
    }

    @Override
    public VerificationKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        return Crypto.sign(key, Objects.requireNonNull(message, "message"));
    }

    /** The key as PKCS#8 PEM text. Handle with care: this is the secret. */
    public String toPem() {
        return Crypto.pem("PRIVATE KEY", Crypto.pkcs8(key));
    }

    /** Names the algorithm and key id only; never the key material. */
    @Override
    public String toString() {
        return "SigningKey[" + algorithm().wireName() + ", keyid=" + publicKey.keyId() + "]";
    }
}
