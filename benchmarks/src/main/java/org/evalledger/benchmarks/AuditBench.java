package org.evalledger.benchmarks;

import java.util.concurrent.TimeUnit;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Population;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verification;
import org.evalledger.signing.VerificationKey;
import org.evalledger.signing.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full per-upload audit path (verify + validate + anomaly check against a fitted population of
 * 1,000 models) as throughput at 1 and 2 threads, beside the raw Ed25519 verify floor in the same run.
 *
 * <p>Warm-up is 30 s per benchmark unless the command line says otherwise: the audit runs a great
 * deal of code, and on a 2-core machine its throughput still climbs for 15 to 20 s while C2
 * compiles it (4,800 ops/s in the first 3 s, 8,700 after 9, about 9,500 after 20), where the floor
 * is at its speed within seconds. A shorter warm-up times part of the audit's compilation and
 * none of the floor's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
public class AuditBench {
    /** Distinct uploads, cycled through, so that no per-number cache sees a number again across uploads. */
    private static final int UPLOADS = 4096;
    private byte[][] envelopes;
    private Verifier verifier;
    private AnomalyDetector detector;
    private final Ed25519Floor floor = new Ed25519Floor();
    /** Bouncy Castle's signature work for one audit: the key decoded once, a message as long as an upload's PAE. */
    private Ed25519Floor sameSignatureWork;
    /** The signature check inside one audit: the verifier's key (with its table, made in the warm-up) over an upload's PAE. */
    private VerificationKey auditKey;
    private byte[] auditPae;
    private byte[] auditSignature;

    /** The key that signed the uploads, for {@link AuditParts}. */
    private VerificationKey signer;

    @Setup
    public void setup() {
        SigningKey lab = SigningKey.generate(Algorithm.ED25519);
        signer = lab.publicKey();
        EvaluationRecord record = Fixtures.record("org/upload", 7_000_000_000L, 0.5, 6, 5);
        envelopes = new byte[UPLOADS][];
        Signer signer = Signer.of(lab);
        for (int i = 0; i < UPLOADS; i++) {
            envelopes[i] = signer.sign(Fixtures.record("org/upload-" + i, 7_000_000_000L, 0.3 + 0.4 * i / UPLOADS, 6, 1000 + i)).toJson();
        }
        Envelope first = Envelope.parse(envelopes[0]);
        sameSignatureWork = new Ed25519Floor(first.pae().length);
        auditKey = VerificationKey.fromSpki(lab.publicKey().spki());
        auditPae = first.pae();
        auditSignature = first.signatures().get(0).sig();
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Lab", Role.PRODUCER)).build());
        detector = AnomalyDetector.fit(Population.ofTable(Fixtures.table(1000, 6, 6)));
        detector.check(record); // fits the regressions this profile needs
    }

    /** The i-th upload (modulo their number), for {@link AuditParts}; never modify it. */
    byte[] upload(int i) {
        return envelopes[Math.floorMod(i, UPLOADS)];
    }

    /** How many distinct uploads there are. */
    int uploads() {
        return UPLOADS;
    }

    /** The detector the audits check against. */
    AnomalyDetector detector() {
        return detector;
    }

    /** The public key that signed every upload. */
    VerificationKey signer() {
        return signer;
    }

    /** Each thread's position in the uploads. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int offset) {
            next = (next + 1) % UPLOADS;
            return (next + offset) % UPLOADS;
        }
    }

    /**
     * What {@code evalledger audit} does for a signed upload: verification (strict envelope and
     * payload parsing, the JCS check, the signature, and full validation of the record in the
     * payload, whose report it hands back) and the anomaly check.
     */
    private AnomalyReport audit(Cursor cursor) {
        Verification v = verifier.verify(envelopes[cursor.advance(System.identityHashCode(cursor) & 2047)]);
        if (!v.validation().orElseThrow().valid()) {
            throw new IllegalStateException("the benchmark upload must be valid");
        }
        return detector.check(v.record());
    }

    @Benchmark
    @Threads(1)
    public AnomalyReport auditOneThread(Cursor cursor) {
        return audit(cursor);
    }

    @Benchmark
    @Threads(2)
    public AnomalyReport auditTwoThreads(Cursor cursor) {
        return audit(cursor);
    }

    @Benchmark
    @Threads(1)
    public boolean floorRawEd25519OneThread() {
        return floor.verify();
    }

    /**
     * The signature check inside {@link #auditOneThread}: {@link VerificationKey#verifies}, as {@link
     * Verifier} checks an upload, over an upload's PAE, with the key's table (made on its 256th check,
     * in the warm-up). The audit's own work is the difference; the target stays against the
     * Bouncy Castle floor above, which this check beats.
     */
    @Benchmark
    @Threads(1)
    public boolean signatureWorkOfAnAuditOneThread() {
        return auditKey.verifies(auditPae, auditSignature);
    }

    /**
     * Bouncy Castle's verification of the same signature work: the key decoded once, over a message
     * as long as the uploads' PAE (the floor above signs 400 bytes). What {@link
     * #signatureWorkOfAnAuditOneThread} was before the key tables (the twenty-fourth step).
     */
    @Benchmark
    @Threads(1)
    public boolean signatureWorkBouncyCastleOneThread() {
        return sameSignatureWork.verifyDecodedKey();
    }

    /** How the floor itself scales on this machine's cores: the ceiling for {@link #auditTwoThreads}. */
    @Benchmark
    @Threads(2)
    public boolean floorRawEd25519TwoThreads() {
        return floor.verify();
    }
}
