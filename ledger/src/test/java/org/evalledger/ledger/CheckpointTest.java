package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evalledger.core.JsonValue;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.NoteException;
import org.evalledger.signing.NoteKey;
import org.evalledger.signing.SigningKey;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void formatsAndParsesTheVectorBodies() {
        JsonValue.JsonObject v = Vectors.read("checkpoint_body_vectors.json");
        for (JsonValue c : Vectors.list(v, "format_cases")) {
            Checkpoint cp = Checkpoint.of(Vectors.str(c, "origin"), Vectors.num(c, "size"), Vectors.hex(Vectors.str(c, "root_hex")));
            assertEquals(Vectors.str(c, "body"), cp.body());
            assertEquals(cp, Checkpoint.parse(cp.body()));
        }
        int refused = 0;
        for (JsonValue c : Vectors.list(v, "parse_cases")) {
            String body = Vectors.str(c, "body");
            if (Vectors.bool(c, "valid")) {
                Checkpoint cp = Checkpoint.parse(body);
                String rest = String.join("", cp.extensions().stream().map(e -> e + "\n").toList());
                assertEquals(Vectors.str(c, "rest"), rest);
            } else {
                assertThrows(ProofException.class, () -> Checkpoint.parse(body), Vectors.str(c, "why"));
                refused++;
            }
        }
        assertEquals(9, refused);
        assertThrows(ProofException.class, () -> Checkpoint.parse("Log\n0123\nYmFuYW5hcw==\n"), "leading zero");
    }

    @Test
    void aSignedCheckpointOpensWithTheHubKeyOnly() {
        SigningKey hub = SigningKey.generate(Algorithm.ED25519);
        NoteKey hubKey = NoteKey.of("hub.example.org/evalledger", hub.publicKey());
        Checkpoint cp = Checkpoint.of("hub.example.org/evalledger", 3, Merkle.emptyRoot());
        String note = cp.sign(hub);
        assertEquals(cp, Checkpoint.open(note, List.of(hubKey)));
        NoteKey other = NoteKey.of("hub.example.org/evalledger", SigningKey.generate(Algorithm.ED25519).publicKey());
        assertThrows(NoteException.class, () -> Checkpoint.open(note, List.of(other)));
        assertThrows(NoteException.class, () -> Checkpoint.open(note.replace("\n3\n", "\n4\n"), List.of(hubKey)));
    }

    /** An independent implementation (Node's built-in Ed25519) verifies a checkpoint made here. */
    @Test
    void nodeVerifiesOurCheckpoints() throws IOException, InterruptedException {
        SigningKey hub = SigningKey.generate(Algorithm.ED25519);
        NoteKey hubKey = NoteKey.of("hub.example.org/evalledger", hub.publicKey());
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            leaves.add(Merkle.leafHash(new byte[] {(byte) i}));
        }
        Checkpoint cp = Checkpoint.of("hub.example.org/evalledger", 10, Merkle.root(leaves));
        Path note = dir.resolve("checkpoint.note");
        Files.writeString(note, cp.sign(hub));
        Path script = SharedData.repositoryRoot().resolve("tools/node-crypto/note.js");
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString(), hubKey.vkey(), note.toString()).start();
        } catch (IOException e) {
            if (SharedData.underCi()) {
                throw new AssertionError("node is required under CI for the checkpoint cross-check", e);
            }
            Assumptions.abort("node not found: checkpoint cross-check skipped");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("{\"ok\":true,\"text\":" + quote(cp.body()) + "}", out);
        Files.writeString(note, cp.sign(hub).replace("\n10\n", "\n11\n"));
        Process q = new ProcessBuilder("node", script.toString(), hubKey.vkey(), note.toString()).start();
        String bad = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals("{\"ok\":false,\"error\":\"bad signature\"}", bad);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
