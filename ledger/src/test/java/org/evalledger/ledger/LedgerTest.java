package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

/** The SQLite ledger on a real file: appends, proofs against signed checkpoints, and tamper evidence. */
class LedgerTest {
    private static final String ORIGIN = "hub.example.org/evalledger";
    @TempDir
    Path dir;
    private final SigningKey lab = SigningKey.generate(Algorithm.ED25519);
    private final SigningKey reviewer = SigningKey.generate(Algorithm.ED25519);
    private final SigningKey hub = SigningKey.generate(Algorithm.ED25519);
    private Verifier verifier;
    private Path file;

    @BeforeEach
    void setUp() {
        verifier = Verifier.of(TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Lab", Role.PRODUCER))
                .add(TrustedKey.of(reviewer.publicKey(), "Reviewers", Role.VERIFIER)).build());
        file = dir.resolve("ledger.db");
    }

    private Ledger open() {
        return Ledger.openSqlite(file, ORIGIN, verifier, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));
    }

    private static EvaluationRecord record(int i) {
        return EvaluationRecord.builder().recordId("lab:run-" + i).createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.of("lab/model-" + (i % 3)))
                .producer(Producer.of("Lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.of("mmlu"), List.of(Metric.of("acc", 0.5 + i / 1000.0, true)))).build();
    }

    /** Edits the database behind the ledger's back, as an attacker with write access would. */
    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
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
            assertEquals(i, l.append(e).index());
        }
        return envelopes;
    }

    @Test
    void appendsAreIdempotentByBytesAndACountersignedCopyIsANewEntry() {
        try (Ledger l = open()) {
            Envelope signed = Signer.of(lab).sign(record(1));
            Ledger.Appended first = l.append(signed.toJson());
            assertEquals(new Ledger.Appended(0, first.recordDigest(), Status.SELF_REPORTED, true), first);
            assertEquals(new Ledger.Appended(0, first.recordDigest(), Status.SELF_REPORTED, false), l.append(signed.toJson()));
            Ledger.Appended upgraded = l.append(Signer.of(reviewer).countersign(signed).toJson());
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
            LedgerException e = assertThrows(LedgerException.class, () -> l.append(tampered));
            assertEquals(LedgerException.REFUSED, e.code());
            assertTrue(e.getMessage().contains("INVALID EL-SIG-"), e.getMessage());
            assertEquals(0, l.size());
        }
        SigningKey revoked = SigningKey.generate(Algorithm.ED25519);
        verifier = Verifier.of(TrustPolicy.builder().add(new TrustedKey(revoked.publicKey(), "Old", java.util.Set.of(Role.PRODUCER), null, null,
                Instant.parse("2026-01-01T00:00:00Z"), List.of())).build());
        try (Ledger l = open()) {
            LedgerException e = assertThrows(LedgerException.class, () -> l.append(Signer.of(revoked).sign(record(2)).toJson()));
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
    void reopeningKeepsEverythingAndAnotherOriginIsRefused() {
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
                () -> Ledger.openSqlite(file, "other.example/log", verifier, Clock.systemUTC()));
        assertEquals(LedgerException.ORIGIN, e.code(), e.getMessage());
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
        Ledger.VerifyResult r = tamperAndVerify("UPDATE entries SET entry = CAST(REPLACE(CAST(entry AS TEXT), 'SELF_REPORTED', 'SELF_REPORTEE') AS BLOB) "
                + "WHERE idx = 4");
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
        Ledger.VerifyResult r = tamperAndVerify("UPDATE nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 2");
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

    private static List<String> hex(List<byte[]> l) {
        return l.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
