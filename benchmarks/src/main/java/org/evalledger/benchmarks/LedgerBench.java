package org.evalledger.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Model;
import org.evalledger.core.Timestamp;
import org.evalledger.ledger.HistoryEntry;
import org.evalledger.ledger.Ledger;
import org.evalledger.schema.RecordCodec;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ledger on SQLite at LEDGER.md's scale (1,000,000 entries): batched append (1,000 uploads per
 * transaction, plain records and signed envelopes), an inclusion proof, a consistency proof and
 * one model's history (20 versions × 6 results). The ledger file is built once per size under
 * {@code java.io.tmpdir} and reused by later runs (building 1M entries takes minutes; it prints
 * its own rate). One op of the append benchmarks is one batch of {@value #BATCH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LedgerBench {
    static final int BATCH = 1_000;
    private static final RecordCodec CODEC = RecordCodec.standard();

    @Param({"1000000"})
    public int entries;

    private Ledger ledger;
    private Verifier verifier;
    private Signer signer;
    private SplittableRandom random;
    private long models;
    private long next;
    private List<byte[]> plainBatch;
    private List<byte[]> signedBatch;

    static EvaluationRecord entryRecord(long i, long models) {
        long model = i % models;
        return Fixtures.record("bench/model-" + model, 7_000_000_000L, (model % 100) / 100.0, 6, i).toBuilder().recordId("bench:" + i)
                .model(Model.builder("bench/model-" + model).parameters(7_000_000_000L).build())
                .createdAt(Timestamp.of(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))).build();
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SigningKey lab = SigningKey.generate(Algorithm.ED25519);
        signer = Signer.of(lab);
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Bench Lab", Role.PRODUCER)).build());
        models = Math.max(1, entries / 20);
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "evalledger-ledgerbench-" + entries + ".db");
        if (Files.exists(file)) {
            ledger = Ledger.open(file.toString());
            if (ledger.size() < entries) {
                ledger.close();
                Files.delete(file);
                ledger = null;
            }
        }
        if (ledger == null) {
            SigningKey hub = SigningKey.generate(Algorithm.ED25519);
            ledger = Ledger.create(file.toString(), new Ledger.Setup("bench.example/ledger", hub.publicKey(), null, true));
            long start = System.nanoTime();
            for (long i = 0; i < entries; i += 10_000) {
                List<byte[]> batch = new ArrayList<>();
                for (long j = i; j < Math.min(entries, i + 10_000); j++) {
                    batch.add(CODEC.canonical(entryRecord(j, models)));
                }
                ledger.appendAll(batch, verifier);
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%n# built %,d entries in %.0f s (%,.0f entries/s, 10,000 per batch)%n", entries, s, entries / s);
        }
        next = ledger.size() + 1_000_000_000L;
        random = new SplittableRandom(20261129);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        plainBatch = new ArrayList<>(BATCH);
        signedBatch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            EvaluationRecord r = entryRecord(next++, models);
            plainBatch.add(CODEC.canonical(r));
        }
        for (int i = 0; i < BATCH; i++) {
            signedBatch.add(signer.sign(entryRecord(next++, models)).toJson());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ledger.close();
    }

    /** 1,000 plain records in one transaction (schema validation + JCS + hashing + storage). */
    @Benchmark
    public List<Ledger.Appended> appendBatchOfPlainRecords() {
        return ledger.appendAll(plainBatch, verifier);
    }

    /** 1,000 signed envelopes in one transaction (verification on all cores + storage). */
    @Benchmark
    public List<Ledger.Appended> appendBatchOfEnvelopes() {
        return ledger.appendAll(signedBatch, verifier);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<byte[]> inclusionProof() {
        long size = entries;
        return ledger.inclusionProof(random.nextLong(size), size);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<byte[]> consistencyProof() {
        long size = entries;
        return ledger.consistencyProof(1 + random.nextLong(size - 1), size);
    }

    /** One model's history: 20 versions of 6 results at 1M entries. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<HistoryEntry> history() {
        return ledger.history("bench/model-" + random.nextLong(models), null, null, null);
    }
}
