package org.evalledger.signing;

/**
 * Makes signatures: bytes in, a 64-byte signature out. The key-file signer
 * ({@link SigningKey}) is one implementation; a KMS- or HSM-backed signer can be another, so the
 * private key never has to enter this process. Implementations must be thread-safe.
 */
public interface ContentSigner {
    /** The public half, whose key id goes into the envelope. */
    VerificationKey publicKey();

    /**
     * Signs the exact bytes given (the DSSE PAE).
     *
     * @param message the bytes to sign
     * @return the signature: 64 bytes (Ed25519, or ECDSA P-256 r||s with low S)
     */
    byte[] sign(byte[] message);
}
