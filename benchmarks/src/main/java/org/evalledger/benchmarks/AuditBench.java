package org.evalledger.benchmarks;

import java.util.concurrent.TimeUnit;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Population;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordValidator;
import org.evalledger.signing.Algorithm;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The full per-upload audit path (verify + validate + anomaly check against a fitted population of
 * 1,000 models) as throughput at 1 and 2 threads, beside the raw Ed25519 verify floor in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditBench {
    private byte[] envelope;
    private Verifier verifier;
    private final RecordValidator validator = RecordValidator.standard();
    private AnomalyDetector detector;
    private final Ed25519Floor floor = new Ed25519Floor();

    @Setup
    public void setup() {
        SigningKey lab = SigningKey.generate(Algorithm.ED25519);
        EvaluationRecord record = Fixtures.record("org/upload", 7_000_000_000L, 0.5, 6, 5);
        envelope = Signer.of(lab).sign(record).toJson();
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Lab", Role.PRODUCER)).build());
        detector = AnomalyDetector.fit(Population.ofTable(Fixtures.table(1000, 6, 6)));
        detector.check(record); // fits the regressions this profile needs
    }

    private AnomalyReport audit() {
        Verification v = verifier.verify(envelope);
        EvaluationRecord r = v.record();
        if (!validator.validate(r).valid()) {
            throw new IllegalStateException("the benchmark upload must be valid");
        }
        return detector.check(r);
    }

    @Benchmark
    @Threads(1)
    public AnomalyReport auditOneThread() {
        return audit();
    }

    @Benchmark
    @Threads(2)
    public AnomalyReport auditTwoThreads() {
        return audit();
    }

    @Benchmark
    @Threads(1)
    public boolean floorRawEd25519OneThread() {
        return floor.verify();
    }
}
