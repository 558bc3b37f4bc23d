package org.evalledger.benchmarks;

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
}
