package org.evalledger.benchmarks;

import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** The floor of every upload: one raw Bouncy Castle Ed25519 verification of a 400-byte message. */
final class Ed25519Floor {
    private final byte[] publicKey = new byte[32];
    private final byte[] signature = new byte[64];
    private final byte[] message = new byte[400];

    Ed25519Floor() {
        byte[] seed = new byte[32];
        new Random(3).nextBytes(seed);
        new Random(4).nextBytes(message);
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
    }

    boolean verify() {
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }
}
