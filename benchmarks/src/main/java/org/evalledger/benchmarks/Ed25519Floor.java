package org.evalledger.benchmarks;

import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The floor of every upload: one raw Bouncy Castle Ed25519 verification, by default of a 400-byte
 * message (the floor), from the key's 32 bytes ({@link #verify}) or from its point decoded
 * once ({@link #verifyDecodedKey}: what a verifier that keeps its trusted keys decoded pays).
 */
final class Ed25519Floor {
    private final byte[] publicKey = new byte[32];
    private final byte[] signature = new byte[64];
    private final byte[] message;
    private final Ed25519.PublicPoint point;

    Ed25519Floor() {
        this(400);
    }

    /** A floor over a message of this many bytes (Ed25519 hashes the whole message with SHA-512). */
    Ed25519Floor(int messageBytes) {
        message = new byte[messageBytes];
        byte[] seed = new byte[32];
        new Random(3).nextBytes(seed);
        new Random(4).nextBytes(message);
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
    }

    boolean verify() {
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    boolean verifyDecodedKey() {
        return Ed25519.verify(signature, 0, point, message, 0, message.length);
    }
}
