package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.evalledger.schema.RecordSchema;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust policy's published JSON Schema agrees with {@link TrustPolicy}: what we write validates
 * under ajv, and documents the schema refuses are refused by {@link TrustPolicy#parse} too.
 */
class TrustPolicySchemaTest {
    @TempDir
    Path dir;

    private List<Boolean> ajv(List<String> docs) throws IOException, InterruptedException {
        Path ajv = SharedData.repositoryRoot().resolve("tools/ajv");
        boolean ready = Files.isDirectory(ajv.resolve("node_modules/ajv"));
        if (!ready && SharedData.underCi()) {
            throw new AssertionError("the trust policy schema check needs tools/ajv/node_modules under CI (npm ci --prefix tools/ajv)");
        }
        Assumptions.assumeTrue(ready, "tools/ajv/node_modules missing: ajv check skipped");
        Path schema = dir.resolve("trust-policy.schema.json");
        Files.write(schema, RecordSchema.trustPolicyBytes());
        List<String> cmd = new ArrayList<>(List.of("node", ajv.resolve("check.js").toString(), schema.toString()));
        for (int i = 0; i < docs.size(); i++) {
            Path p = dir.resolve("doc" + i + ".json");
            Files.writeString(p, docs.get(i));
            cmd.add(p.toString());
        }
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        List<Boolean> verdicts = new ArrayList<>();
        for (String part : out.split("\"valid\":")) {
            if (part.startsWith("true")) {
                verdicts.add(true);
            } else if (part.startsWith("false")) {
                verdicts.add(false);
            }
        }
        return verdicts;
    }

    @Test
    void policiesWeWriteMatchThePublishedSchemaAndBadOnesMatchNeither() throws Exception {
        VerificationKey a = SigningKey.generate(Algorithm.ED25519).publicKey();
        VerificationKey b = SigningKey.generate(Algorithm.ECDSA_P256).publicKey();
        TrustPolicy policy = TrustPolicy.builder().threshold(2)
                .add(new TrustedKey(a, "Lab", Set.of(Role.PRODUCER), Instant.parse("2026-01-01T00:00:00Z"), null, null, List.of("lab/*")))
                .add(new TrustedKey(b, "Reviewers", Set.of(Role.VERIFIER, Role.HUB), null, Instant.parse("2027-01-01T00:00:00Z"),
                        Instant.parse("2026-06-01T12:00:00.5Z"), List.of()))
                .build();
        String good = new String(policy.toJson(), StandardCharsets.UTF_8);
        String noVersion = good.replaceFirst(",\\s*\"version\"\\s*:\\s*1", "").replaceFirst("\"version\"\\s*:\\s*1\\s*,", "");
        assertTrue(!noVersion.contains("\"version\""), noVersion);
        String badRole = good.replace("\"producer\"", "\"publisher\"");
        String extra = good.replaceFirst("\\{", "{\"comment\": \"x\", ");
        List<Boolean> verdicts = ajv(List.of(good, noVersion, badRole, extra));
        assertEquals(List.of(true, false, false, false), verdicts);
        TrustPolicy.parse(good.getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(noVersion, badRole, extra)) {
            assertThrows(PolicyException.class, () -> TrustPolicy.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
