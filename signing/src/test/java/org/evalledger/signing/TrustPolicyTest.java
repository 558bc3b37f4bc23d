package org.evalledger.signing;

import static org.evalledger.signing.Fixtures.CHECKER;
import static org.evalledger.signing.Fixtures.LAB;
import static org.evalledger.signing.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust policy file of CLI.md, read and written. */
class TrustPolicyTest {
    @TempDir
    Path dir;

    private static String entry(SigningKey key, String extra) {
        return "{\"keyid\":\"" + key.publicKey().keyId() + "\",\"publicKey\":" + quote(key.publicKey().toPem())
                + ",\"owner\":\"EleutherAI\",\"roles\":[\"producer\"]" + extra + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private static String code(String json) {
        return assertThrows(PolicyException.class, () -> TrustPolicy.parse(utf8(json))).code();
    }

    @Test
    void readsTheDocumentedFormat() {
        TrustPolicy p = TrustPolicy.parse(utf8("{\"version\":1,\"threshold\":2,\"keys\":[" + entry(LAB,
                ",\"scope\":[\"EleutherAI/*\"],\"notBefore\":\"2026-01-01T00:00:00Z\",\"notAfter\":null,\"revokedAt\":null")
                + "]}"));
        assertEquals(2, p.threshold());
        TrustedKey k = p.key(LAB.publicKey().keyId()).orElseThrow();
        assertEquals(Set.of(Role.PRODUCER), k.roles());
        assertEquals(List.of("EleutherAI/*"), k.scope());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), k.notBefore());
    }

    @Test
    void writesAndReadsBackAnEqualPolicy() {
        TrustPolicy p = TrustPolicy.builder().threshold(1)
                .add(new TrustedKey(LAB.publicKey(), "EleutherAI", Set.of(Role.PRODUCER), Instant.parse("2026-01-01T00:00:00Z"),
                        null, null, List.of("EleutherAI/**")))
                .add(TrustedKey.of(CHECKER.publicKey(), "Checks", Role.VERIFIER, Role.HUB))
                .build();
        Path file = dir.resolve("trust.json");
        p.write(file);
        TrustPolicy back = TrustPolicy.read(file);
        assertEquals(p.keys(), back.keys());
        assertEquals(p.threshold(), back.threshold());
    }

    @Test
    void refusesAKeyIdThatIsNotTheKeysHash() {
        String json = "{\"version\":1,\"keys\":[" + entry(LAB, "").replace(LAB.publicKey().keyId(), "ab".repeat(32)) + "]}";
        assertEquals(PolicyException.KEYID_MISMATCH, code(json));
    }

    @Test
    void refusesOtherVersionsUnknownMembersAndBadValues() {
        assertEquals(PolicyException.VERSION, code("{\"version\":2,\"keys\":[]}"));
        assertEquals(PolicyException.VERSION, code("{\"keys\":[]}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"keys\":[],\"extra\":1}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"threshold\":0,\"keys\":[]}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"keys\":[" + entry(LAB, ",\"colour\":\"red\"") + "]}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"keys\":[" + entry(LAB, "").replace("producer", "owner") + "]}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"keys\":[" + entry(LAB, ",\"notAfter\":\"2026-01-01\"") + "]}"));
        assertEquals(PolicyException.INVALID, code("{\"version\":1,\"keys\":[" + entry(LAB, "") + "," + entry(LAB, "") + "]}"));
        assertEquals(PolicyException.JSON, code("{\"version\":1,\"version\":1,\"keys\":[]}"));
        assertEquals(PolicyException.KEY, code("{\"version\":1,\"keys\":[{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n"
                + "-----END PUBLIC KEY-----\\n\",\"owner\":\"x\",\"roles\":[\"producer\"]}]}"));
    }

    @Test
    void unreadableFileIsAnIoError() {
        assertEquals(PolicyException.IO, assertThrows(PolicyException.class, () -> TrustPolicy.read(dir.resolve("missing.json"))).code());
    }
}
