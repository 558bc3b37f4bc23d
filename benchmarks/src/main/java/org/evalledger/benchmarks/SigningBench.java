package org.evalledger.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Signing and verifying, with raw Bouncy Castle Ed25519 verification as the floor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBench {
    private SigningKey ed25519;
    private SigningKey p256;
    private EvaluationRecord record;
    private byte[] envelope;
    private Verifier verifier;
    private final Ed25519Floor floor = new Ed25519Floor();

    @Setup
    public void setup() {
        ed25519 = SigningKey.generate(Algorithm.ED25519);
        p256 = SigningKey.generate(Algorithm.ECDSA_P256);
        record = Fixtures.record("org/model", 7_000_000_000L, 0.5, 6, 2);
        Envelope env = Signer.of(ed25519).sign(record);
        envelope = env.toJson();
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(ed25519.publicKey(), "Lab", Role.PRODUCER)).build());
    }

    @Benchmark
    public Envelope signEd25519() {
        return Signer.of(ed25519).sign(record);
    }

    @Benchmark
    public Envelope signEcdsaP256() {
        return Signer.of(p256).sign(record);
    }

    /** Envelope verification: strict parse, PAE, signature, statement and record checks, policy. */
    @Benchmark
    public Verification verifyEnvelope() {
        return verifier.verify(envelope);
    }

    /** The floor: one raw Bouncy Castle Ed25519 verification of a 400-byte message. */
    @Benchmark
    public boolean rawEd25519Verify() {
        return floor.verify();
    }

    /**
     * A message for the two Ed25519 providers below: 400 bytes (the floor's) or 7,000 (a payload of
     * the peer corpus, where SHA-512 of the message is part of the cost), signed by each provider's key.
     */
    @State(Scope.Benchmark)
    public static class Message {
        @Param({"400", "7000"})
        public int bytes;
        Ed25519Floor bouncyCastle;
        KeyPair jdkKeys;
        Signature jdk;
        byte[] message;
        byte[] jdkSignature;

        @Setup
        public void setup() throws GeneralSecurityException {
            bouncyCastle = new Ed25519Floor(bytes);
            message = new byte[bytes];
            new Random(5).nextBytes(message);
            jdkKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdk = Signature.getInstance("Ed25519");
            jdk.initSign(jdkKeys.getPrivate());
            jdk.update(message);
            jdkSignature = jdk.sign();
            if (!bouncyCastle.verify() || !verifyWithJdk(this)) {
                throw new IllegalStateException("a provider does not verify its own signature");
            }
        }
    }

    /** Raw Bouncy Castle Ed25519 verification (the floor's provider) of the message. */
    @Benchmark
    public boolean providerBouncyCastle(Message m) {
        return m.bouncyCastle.verify();
    }

    /** The JDK's own Ed25519 (SunEC, Java 15 and later) verifying the message: what a library without Bouncy Castle would pay. */
    @Benchmark
    public boolean providerJdkSunEc(Message m) throws GeneralSecurityException {
        return verifyWithJdk(m);
    }

    private static boolean verifyWithJdk(Message m) throws GeneralSecurityException {
        m.jdk.initVerify(m.jdkKeys.getPublic());
        m.jdk.update(m.message);
        return m.jdk.verify(m.jdkSignature);
    }
}
