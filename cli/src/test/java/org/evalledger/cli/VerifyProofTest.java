package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalledger.ledger.Checkpoint;
import org.evalledger.ledger.Merkle;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify-proof} of an entry that a hub's signed log holds but that is not the JSON of a
 * ledger entry (another writer's): the proof is sound, and it binds no envelope, which the command
 * says as a failed check rather than an internal error.
 */
class VerifyProofTest {
    @TempDir
    Path dir;

    @Test
    void anEntryThatIsNotJsonIsProvenAndBindsNoEnvelope() throws Exception {
        SigningKey hub = SigningKey.generate(Algorithm.ED25519);
        Path pub = dir.resolve("hub.pub");
        KeyFiles.writePublic(pub, hub.publicKey());
        String entry = "not the JSON of a ledger entry";
        byte[] root = Merkle.root(List.of(Merkle.leafHash(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String note = Checkpoint.of("hub.example/log", 1, root).sign(hub);
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, Json.mapper().writeValueAsString(Map.of("index", 0, "treeSize", 1, "entry", entry, "proof", List.of(),
                "checkpoint", Map.of("note", note))));
        Path envelope = Files.writeString(dir.resolve("e.json"), "{}");

        String[] proven = run("ledger", "verify-proof", "--hub-key", pub.toString(), "--proof", proof.toString());
        assertEquals("0", proven[0], proven[2]);
        assertEquals("OK: entry 0 is in hub.example/log at size 1, signed by the hub key", proven[1].strip());

        String[] bound = run("ledger", "verify-proof", "--hub-key", pub.toString(), "--proof", proof.toString(), "--envelope", envelope.toString());
        assertEquals("1", bound[0], bound[2]);
        assertEquals("FAILED: the entry is in the signed log but is not the JSON of a ledger entry, so it binds no envelope", bound[1].strip());
        assertEquals("", bound[2]);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }
}
