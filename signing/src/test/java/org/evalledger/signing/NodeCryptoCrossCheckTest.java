package org.evalledger.signing;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.StrictJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent implementation, Node's crypto, verifies our signatures over the PAE and makes
 * signatures we verify, with a non-ASCII payload (byte-length PAE). Needs {@code node} on the
 * PATH: skips without it on a developer machine, fails under CI.
 */
class NodeCryptoCrossCheckTest {
    @TempDir
    Path dir;

    private static Path script() {
        return SharedData.repositoryRoot().resolve("tools/node-crypto/dsse.js");
    }

    private static String node(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", script().toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            if (SharedData.underCi()) {
                throw new AssertionError("node is required under CI for the crypto cross-check", e);
            }
            Assumptions.abort("node not found: Node crypto cross-check skipped");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, p.exitValue(), err);
        return out;
    }

    private static JsonValue.JsonString s(String v) {
        return new JsonValue.JsonString(v);
    }

    @Test
    void nodeVerifiesOurSignaturesAndRejectsTamperedOnes() throws Exception {
        org.evalledger.core.EvaluationRecord record = Fixtures.record().toBuilder().producer(org.evalledger.core.Producer.of(
                "Universit\u00e9 \u2013 \ud83d\ude02", org.evalledger.core.Relationship.THIRD_PARTY,
                org.evalledger.core.SourceType.EVALUATION_RUN)).build();
        List<JsonValue> cases = new ArrayList<>();
        for (SigningKey key : List.of(Fixtures.LAB, Fixtures.CHECKER)) {
            Envelope e = Signer.of(key).sign(record);
            byte[] tampered = e.payload();
            tampered[10] ^= 1;
            for (byte[] payload : List.of(e.payload(), tampered)) {
                cases.add(new JsonValue.JsonObject(Map.of("spkiPem", s(key.publicKey().toPem()),
                        "payloadType", s(e.payloadType()), "payloadB64", s(Fixtures.b64(payload)),
                        "sigB64", s(Fixtures.b64(e.signatures().get(0).sig())))));
            }
        }
        Path file = dir.resolve("cases.json");
        Files.write(file, StrictJson.canonical(new JsonValue.JsonArray(cases)));
        assertEquals("[true,false,true,false]", node("verify", file.toString()));
        // Node's own JSON canonicalisation agrees that our payloads are RFC 8785, and tells a re-spaced one apart
        List<JsonValue> payloads = new ArrayList<>();
        for (SigningKey key : List.of(Fixtures.LAB, Fixtures.CHECKER)) {
            payloads.add(new JsonValue.JsonObject(Map.of("payloadB64", s(Fixtures.b64(Signer.of(key).sign(record).payload())))));
        }
        String spaced = new String(Signer.of(Fixtures.LAB).sign(record).payload(), StandardCharsets.UTF_8).replaceFirst(",", ", ");
        payloads.add(new JsonValue.JsonObject(Map.of("payloadB64", s(Fixtures.b64(spaced.getBytes(StandardCharsets.UTF_8))))));
        Path jcs = dir.resolve("jcs.json");
        Files.write(jcs, StrictJson.canonical(new JsonValue.JsonArray(payloads)));
        assertEquals("[true,true,false]", node("jcs", jcs.toString()));
    }

    @Test
    void weVerifyNodesSignatures() throws Exception {
        Path file = dir.resolve("signed.json");
        node("sign", file.toString());
        JsonValue signed = StrictJson.parse(Files.readAllBytes(file), ParseLimits.DEFAULT);
        int n = 0;
        for (JsonValue item : ((JsonValue.JsonArray) signed).items()) {
            Map<String, JsonValue> m = ((JsonValue.JsonObject) item).members();
            VerificationKey key = VerificationKey.fromPem(((JsonValue.JsonString) m.get("spkiPem")).value());
            DsseVerifier.Result r = DsseVerifier.of(List.of(key), 1).verify(StrictJson.canonical(m.get("envelope")));
            assertTrue(r.accepted(), key + ": " + r);
            n++;
        }
        assertEquals(2, n);
    }
}
