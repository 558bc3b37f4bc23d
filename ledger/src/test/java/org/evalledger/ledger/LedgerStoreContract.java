package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.NoteKey;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.Status;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store must do, run on a real SQLite file ({@link SqliteLedgerTest}) and a real
 * PostgreSQL server ({@link PostgresLedgerTest}): appends, batches, history, proofs against signed
 * checkpoints, and tamper evidence.
 */
abstract class LedgerStoreContract {
    static final String ORIGIN = "hub.example.org/evalledger";
    @TempDir
    Path dir;
    private final SigningKey lab = SigningKey.generate(Algorithm.ED25519);
    private final SigningKey reviewer = SigningKey.generate(Algorithm.ED25519);
    private final SigningKey hub = SigningKey.generate(Algorithm.ED25519);
    private Verifier verifier;
    /** The database: a file path or a JDBC URL. */
    String db;

    /** A new, empty database of this store. */
    abstract String newDatabase();

    /** SQL that turns SELF_REPORTED into SELF_REPORTEE inside the stored entry bytes of one index. */
    abstract String editEntryBytes(long index);

    /** SQL that sets one stored subtree hash to 32 zero bytes. */
    abstract String zeroNode(int level, long index);

    @BeforeEach
    void setUp() {
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Lab", Role.PRODUCER))
                .add(TrustedKey.of(reviewer.publicKey(), "Reviewers", Role.VERIFIER)).build());
        db = newDatabase();
    }

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private boolean created;

    private Ledger open() {
        return open(false);
    }

    private Ledger open(boolean allowUnsigned) {
        if (!created) {
            created = true;
            return Ledger.create(db, new Ledger.Setup(ORIGIN, hub.publicKey(), null, allowUnsigned), NOON);
        }
        return Ledger.open(db, NOON);
    }

    private static EvaluationRecord record(int i) {
        return EvaluationRecord.builder().recordId("lab:run-" + i).createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.of("lab/model-" + (i % 3)))
                .producer(Producer.of("Lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.of("mmlu"), List.of(Metric.of("acc", 0.5 + i / 1000.0, true)))).build();
    }

    /** Edits the database behind the ledger's back, as an attacker with write access would. */
    private void sql(String... statements) throws Exception {
        try (Connection c = TestDatabases.connect(db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    private List<byte[]> fill(Ledger l, int n) {
        List<byte[]> envelopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] e = Signer.of(lab).sign(record(i)).toJson();
            envelopes.add(e);
            assertEquals(i, l.append(e, verifier).index());
        }
        return envelopes;
    }

    @Test
    void appendsAreIdempotentByBytesAndACountersignedCopyIsANewEntry() {
        try (Ledger l = open()) {
            Envelope signed = Signer.of(lab).sign(record(1));
            Ledger.Appended first = l.append(signed.toJson(), verifier);
            assertEquals(new Ledger.Appended(0, first.recordDigest(), Status.SELF_REPORTED, true, List.of()), first);
            assertEquals(new Ledger.Appended(0, first.recordDigest(), Status.SELF_REPORTED, false, List.of()), l.append(signed.toJson(), verifier));
            Ledger.Appended upgraded = l.append(Signer.of(reviewer).countersign(signed).toJson(), verifier);
            assertEquals(1, upgraded.index());
            assertEquals(Status.VERIFIED, upgraded.status());
            assertEquals(first.recordDigest(), upgraded.recordDigest());
            assertEquals(2, l.size());
            String doc = new String(l.entry(1).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(doc.startsWith("{\"appendedAt\":\"2026-11-22T12:00:00Z\",\"envelopeSha256\":\""), doc);
            assertTrue(doc.endsWith("\"status\":\"VERIFIED\"}"), doc);
        }
    }

    @Test
    void invalidAndRevokedEnvelopesAreRefusedWithTheirReason() {
        try (Ledger l = open()) {
            byte[] tampered = Signer.of(lab).sign(record(1)).toJson();
            tampered[tampered.length / 2] ^= 1;
            LedgerException e = assertThrows(LedgerException.class, () -> l.append(tampered, verifier));
            assertEquals(LedgerException.REFUSED, e.code());
            assertTrue(e.getMessage().contains("INVALID EL-SIG-"), e.getMessage());
            assertEquals(0, l.size());
        }
        SigningKey revoked = SigningKey.generate(Algorithm.ED25519);
        verifier = Verifier.of(TrustPolicy.builder().add(new TrustedKey(revoked.publicKey(), "Old", java.util.Set.of(Role.PRODUCER), null, null,
                Instant.parse("2026-01-01T00:00:00Z"), List.of())).build());
        try (Ledger l = open()) {
            LedgerException e = assertThrows(LedgerException.class, () -> l.append(Signer.of(revoked).sign(record(2)).toJson(), verifier));
            assertTrue(e.getMessage().contains("REVOKED"), e.getMessage());
        }
    }

    @Test
    void proofsFromTheDatabaseVerifyOfflineAgainstSignedCheckpoints() {
        try (Ledger l = open()) {
            fill(l, 13);
            String note7;
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                leaves.add(Merkle.leafHash(l.entry(i).orElseThrow()));
            }
            assertArrayEquals(Merkle.root(leaves), l.root(13));
            note7 = Checkpoint.of(ORIGIN, 7, l.root(7)).sign(hub);
            String note13 = l.checkpoint(hub);
            List<NoteKey> hubKey = List.of(NoteKey.of(ORIGIN, hub.publicKey()));
            Checkpoint c7 = Checkpoint.open(note7, hubKey);
            Checkpoint c13 = Checkpoint.open(note13, hubKey);
            for (int i = 0; i < 13; i++) {
                assertEquals(hex(Merkle.inclusionProof(leaves, i)), hex(l.inclusionProof(i, 13)));
                Merkle.verifyInclusion(i, 13, leaves.get(i), l.inclusionProof(i, 13), c13.rootHash());
            }
            Merkle.verifyConsistency(7, 13, c7.rootHash(), c13.rootHash(), l.consistencyProof(7, 13));
            assertTrue(l.verify().ok());
        }
    }

    @Test
    void reopeningKeepsEverythingAndCreatingTwiceIsRefused() {
        byte[] root;
        try (Ledger l = open()) {
            fill(l, 5);
            root = l.root(5);
        }
        try (Ledger l = open()) {
            assertEquals(5, l.size());
            assertArrayEquals(root, l.root(5));
        }
        LedgerException e = assertThrows(LedgerException.class,
                () -> Ledger.create(db, new Ledger.Setup("other.example/log", hub.publicKey(), null, false)));
        assertEquals(LedgerException.EXISTS, e.code(), e.getMessage());
    }

    private Ledger.VerifyResult tamperAndVerify(String... statements) throws Exception {
        try (Ledger l = open()) {
            fill(l, 9);
            l.checkpoint(hub);
            assertTrue(l.verify().ok());
        }
        sql(statements);
        try (Ledger l = open()) {
            return l.verify();
        }
    }

    @Test
    void changingOneByteOfAStoredEntryIsFoundAtItsIndex() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify(editEntryBytes(4));
        assertFalse(r.ok());
        assertEquals(4, r.firstBadIndex());
    }

    @Test
    void editingTheStatusColumnIsFound() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify("UPDATE entries SET status = 'VERIFIED' WHERE idx = 6");
        assertFalse(r.ok());
        assertEquals(6, r.firstBadIndex());
    }

    @Test
    void changingAStoredHashIsFound() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify(zeroNode(1, 2));
        assertFalse(r.ok());
        assertEquals(4, r.firstBadIndex());
    }

    @Test
    void deletingARowIsFound() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify("DELETE FROM entries WHERE idx = 3");
        assertFalse(r.ok());
        assertEquals(3, r.firstBadIndex());
    }

    @Test
    void reorderingTwoRowsIsFound() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify("UPDATE entries SET idx = -1 WHERE idx = 2", "UPDATE entries SET idx = 2 WHERE idx = 5",
                "UPDATE entries SET idx = 5 WHERE idx = -1");
        assertFalse(r.ok());
        assertEquals(2, r.firstBadIndex());
    }

    @Test
    void replacingAnEnvelopeIsFound() throws Exception {
        Ledger.VerifyResult r = tamperAndVerify("UPDATE entries SET envelope = (SELECT envelope FROM entries WHERE idx = 1) WHERE idx = 7");
        assertFalse(r.ok());
        assertEquals(7, r.firstBadIndex());
    }

    private static EvaluationRecord version(String model, String id, String createdAt, double acc, String supersedes) {
        return EvaluationRecord.builder().recordId(id).createdAt(Timestamp.parse(createdAt)).model(Model.of(model)).supersedes(supersedes)
                .producer(Producer.of("Lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.of("mmlu"), List.of(Metric.of("acc", acc, true)))).build();
    }

    @Test
    void aBatchIsAllOrNothingKeepsOrderAndDeduplicates() {
        try (Ledger l = open()) {
            byte[] e0 = Signer.of(lab).sign(record(0)).toJson();
            byte[] e1 = Signer.of(lab).sign(record(1)).toJson();
            byte[] bad = e1.clone();
            bad[bad.length / 2] ^= 1;
            LedgerException e = assertThrows(LedgerException.class, () -> l.appendAll(List.of(e0, e1, bad), verifier));
            assertEquals(LedgerException.REFUSED, e.code());
            assertTrue(e.getMessage().contains("upload 3 of 3"), e.getMessage());
            assertEquals(0, l.size(), "a refused batch stores nothing");
            List<Ledger.Appended> a = l.appendAll(List.of(e0, e1, e0), verifier);
            assertEquals(List.of(0L, 1L, 0L), a.stream().map(Ledger.Appended::index).toList());
            assertEquals(List.of(true, true, false), a.stream().map(Ledger.Appended::added).toList());
            List<byte[]> many = new ArrayList<>();
            for (int i = 2; i < 42; i++) {
                many.add(Signer.of(lab).sign(record(i)).toJson());
            }
            List<Ledger.Appended> b = l.appendAll(many, verifier); // verified in parallel, stored in order
            for (int i = 0; i < many.size(); i++) {
                assertEquals(i + 2, b.get(i).index());
            }
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < 42; i++) {
                leaves.add(Merkle.leafHash(l.entry(i).orElseThrow()));
            }
            assertArrayEquals(Merkle.root(leaves), l.root(42));
            assertTrue(l.verify().ok());
        }
    }

    @Test
    void historyShowsEveryVersionWithDeltasSupersedesAndTheStatusUpgrade() {
        try (Ledger l = open()) {
            CodecDigest d = new CodecDigest();
            EvaluationRecord v1 = version("lab/m", "lab:m-1", "2026-06-01T00:00:00Z", 0.60, null);
            Envelope s1 = Signer.of(lab).sign(v1);
            l.append(s1.toJson(), verifier);
            l.append(Signer.of(lab).sign(record(7)).toJson(), verifier); // another model, between
            l.append(Signer.of(reviewer).countersign(s1).toJson(), verifier);
            EvaluationRecord v2 = version("lab/m", "lab:m-2", "2026-07-01T00:00:00Z", 0.75, d.of(v1));
            Ledger.Appended a2 = l.append(Signer.of(lab).sign(v2).toJson(), verifier);
            assertEquals(List.of(), a2.warnings());
            List<HistoryEntry> h = l.history("lab/m", null, null, null);
            assertEquals(List.of(0L, 2L, 3L), h.stream().map(HistoryEntry::index).toList());
            assertEquals(List.of(Status.SELF_REPORTED, Status.VERIFIED, Status.SELF_REPORTED), h.stream().map(HistoryEntry::status).toList());
            assertEquals(null, h.get(0).delta());
            assertEquals(0.0, h.get(1).delta());
            assertEquals(0.15, h.get(2).delta(), 1e-12);
            assertEquals(d.of(v1), h.get(2).supersedes());
            assertEquals(d.of(v2), h.get(0).supersededBy());
            assertEquals("2026-06-01T00:00:00Z", h.get(0).createdAt());
            assertEquals("2026-11-22T12:00:00Z", h.get(0).appendedAt());
            assertEquals("mmlu", h.get(2).benchmark());
            assertEquals("acc", h.get(2).metric());
            assertEquals(3, l.history("lab/m", "mmlu", "acc", null).size());
            assertEquals(0, l.history("lab/m", "gsm8k", null, null).size());
            assertEquals(0, l.history("lab/unknown", null, null, null).size());
            assertEquals(List.of(0L, 2L), l.indexesOf(d.of(v1)));
        }
    }

    @Test
    void historyCarriesTheVersionJumpVerdictGivenAPopulation() {
        List<EvaluationRecord> population = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // re-evaluations that move by less than a point
            double base = 0.40 + i / 100.0;
            population.add(version("peer/m" + i, "peer:" + i + "a", "2026-01-01T00:00:00Z", base, null));
            population.add(version("peer/m" + i, "peer:" + i + "b", "2026-02-01T00:00:00Z", base + ((i % 5) - 2) / 1000.0, null));
        }
        org.evalledger.anomaly.AnomalyDetector detector = org.evalledger.anomaly.AnomalyDetector.fit(
                org.evalledger.anomaly.Population.of(population));
        try (Ledger l = open()) {
            l.append(Signer.of(lab).sign(version("lab/m", "lab:m-1", "2026-06-01T00:00:00Z", 0.60, null)).toJson(), verifier);
            l.append(Signer.of(lab).sign(version("lab/m", "lab:m-2", "2026-07-01T00:00:00Z", 0.605, null)).toJson(), verifier);
            l.append(Signer.of(lab).sign(version("lab/m", "lab:m-3", "2026-08-01T00:00:00Z", 0.80, null)).toJson(), verifier);
            List<HistoryEntry> h = l.history("lab/m", "mmlu", "acc", detector);
            assertEquals(null, h.get(0).jump());
            assertFalse(h.get(1).jump().flagged(), h.get(1).jump().explanation());
            assertTrue(h.get(2).jump().flagged(), h.get(2).jump().explanation());
            assertEquals(19.5, h.get(2).jump().delta(), 1e-9);
        }
    }

    @Test
    void historyRefusesAnEnvelopeThatNoLongerMatchesItsEntry() throws Exception {
        try (Ledger l = open()) {
            fill(l, 4);
        }
        // the attacker swaps entry 1's envelope for entry 2's and edits the hash column to match
        sql("UPDATE entries SET envelope = (SELECT envelope FROM entries WHERE idx = 2), "
                + "envelope_sha256 = 'x' WHERE idx = 1");
        try (Ledger l = open()) {
            LedgerException e = assertThrows(LedgerException.class, () -> l.history("lab/model-1", null, null, null));
            assertEquals(LedgerException.TAMPERED, e.code());
            assertTrue(e.getMessage().contains("entry 1"), e.getMessage());
            assertEquals(1, l.verify().firstBadIndex());
        }
    }

    @Test
    void aSupersedesNamingNoRecordOfTheModelIsAWarning() {
        try (Ledger l = open()) {
            String other = new CodecDigest().of(record(2)); // lab/model-2, never appended
            Ledger.Appended a = l.append(Signer.of(lab).sign(version("lab/m", "lab:m-9", "2026-06-01T00:00:00Z", 0.5, other)).toJson(), verifier);
            assertTrue(a.added());
            assertEquals(1, a.warnings().size());
            assertTrue(a.warnings().get(0).contains(other), a.warnings().toString());
        }
    }

    @Test
    void plainRecordsOnlyGoIntoALedgerCreatedToTakeThem() {
        byte[] plain = org.evalledger.schema.RecordCodec.standard().write(record(1));
        try (Ledger l = open(true)) {
            Ledger.Appended a = l.append(plain, verifier);
            assertEquals(Status.UNSIGNED, a.status());
            assertEquals(a.index(), l.append(org.evalledger.schema.RecordCodec.standard().canonical(record(1)), verifier).index(),
                    "the same record in other whitespace is the same entry");
            assertEquals(Status.SELF_REPORTED, l.append(Signer.of(lab).sign(record(1)).toJson(), verifier).status());
            // a record may name payloadType inside its extensions: it is still a record, and history reads it
            EvaluationRecord odd = record(4).toBuilder().extensions(java.util.Map.of("org.example.dsse",
                    new org.evalledger.core.JsonValue.JsonObject(java.util.Map.of("payloadType",
                            new org.evalledger.core.JsonValue.JsonString("application/vnd.in-toto+json"))))).build();
            assertEquals(Status.UNSIGNED, l.append(org.evalledger.schema.RecordCodec.standard().write(odd), verifier).status());
            assertEquals(List.of(Status.UNSIGNED, Status.SELF_REPORTED, Status.UNSIGNED),
                    l.history("lab/model-1", null, null, null).stream().map(HistoryEntry::status).toList());
            assertTrue(l.verify().ok());
        }
        db = newDatabase();
        created = false;
        try (Ledger l = open(false)) {
            LedgerException e = assertThrows(LedgerException.class, () -> l.append(plain, verifier));
            assertEquals(LedgerException.REFUSED, e.code());
        }
    }

    @Test
    void checkpointsNeedTheHubKeyAndOpeningNothingSaysSo() {
        try (Ledger l = open()) {
            fill(l, 2);
            LedgerException e = assertThrows(LedgerException.class, () -> l.checkpoint(lab));
            assertEquals(LedgerException.KEY, e.code());
            String note = l.checkpoint(hub);
            assertEquals(note, l.checkpointAt(2).orElseThrow());
            assertEquals(note, l.latestCheckpoint().orElseThrow());
            assertEquals(2, Checkpoint.open(note, List.of(l.noteKey())).treeSize());
        }
        LedgerException e = assertThrows(LedgerException.class, () -> Ledger.open(newDatabase()));
        assertEquals(LedgerException.NOT_FOUND, e.code(), e.getMessage());
    }

    @Test
    void aForgedCheckpointRowIsFound() throws Exception {
        try (Ledger l = open()) {
            fill(l, 5);
            l.checkpoint(hub);
            fill2(l, 5, 3);
            l.checkpoint(hub);
        }
        sql("UPDATE checkpoints SET note = (SELECT note FROM checkpoints WHERE tree_size = 5) WHERE tree_size = 8");
        try (Ledger l = open()) {
            Ledger.VerifyResult r = l.verify();
            assertFalse(r.ok());
            assertEquals(7, r.firstBadIndex(), r.reason());
        }
    }

    private void fill2(Ledger l, int from, int n) {
        for (int i = from; i < from + n; i++) {
            assertEquals(i, l.append(Signer.of(lab).sign(record(i)).toJson(), verifier).index());
        }
    }

    @Test
    void concurrentAppendersFromTwoConnectionsGetDistinctIndexes() throws Exception {
        try (Ledger first = open(); Ledger second = open()) {
            List<Thread> threads = new ArrayList<>();
            java.util.concurrent.ConcurrentLinkedQueue<Long> indexes = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.ConcurrentLinkedQueue<Throwable> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int t = 0; t < 4; t++) {
                Ledger l = t % 2 == 0 ? first : second;
                int base = t * 100;
                threads.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 10; i++) {
                            indexes.add(l.append(Signer.of(lab).sign(record(base + i)).toJson(), verifier).index());
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), List.copyOf(errors));
            assertEquals(40, new java.util.TreeSet<>(indexes).size());
            assertEquals(39L, new java.util.TreeSet<>(indexes).last());
            assertEquals(40, first.size());
            assertTrue(second.verify().ok());
        }
    }

    /** Record digests, as SCHEMA.md defines them. */
    private static final class CodecDigest {
        String of(EvaluationRecord r) {
            return org.evalledger.schema.RecordCodec.standard().digest(r);
        }
    }

    private static List<String> hex(List<byte[]> l) {
        return l.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
