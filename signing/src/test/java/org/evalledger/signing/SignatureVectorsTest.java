package org.evalledger.signing;

import static org.evalledger.signing.Vectors.arr;
import static org.evalledger.signing.Vectors.hex;
import static org.evalledger.signing.Vectors.json;
import static org.evalledger.signing.Vectors.obj;
import static org.evalledger.signing.Vectors.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.JsonValue;
import org.evalledger.signing.internal.Crypto;
import org.junit.jupiter.api.Test;

/** Raw signature vectors (SIGNING.md "Test vectors to pass"), at the layer SIGNING.md assigns. */
class SignatureVectorsTest {

    private static boolean wycheproofAccepts(VerificationKey key, byte[] msg, byte[] sig) {
        return Crypto.verify(key.internal(), msg, sig) == Crypto.Check.VALID;
    }

    @Test
    void rfc8032SignaturesAreReproducedAndVerified() {
        JsonValue v = json("vectors/rfc8032/ed25519_rfc8032.json");
        int n = 0;
        for (JsonValue t : arr(obj(v).get("valid"))) {
            SigningKey key = SigningKey.fromPkcs8(hex(t, "privateKeyPkcs8Der"));
            byte[] msg = hex(t, "message");
            assertArrayEquals(hex(t, "publicKeySpkiDer"), key.publicKey().spki(), str(t, "name"));
            assertArrayEquals(hex(t, "signature"), key.sign(msg), str(t, "name"));
            assertEquals(Crypto.Check.VALID, Crypto.verify(key.publicKey().internal(), msg, hex(t, "signature")));
            n++;
        }
        assertEquals(5, n);
        for (JsonValue t : arr(obj(v).get("invalid"))) {
            assertEquals(Crypto.Check.NON_CANONICAL, Crypto.verifyEd25519(hex(t, "publicKey"), hex(t, "message"),
                    hex(t, "signature")), str(t, "name"));
        }
    }

    @Test
    void wycheproofEd25519ValidAcceptedInvalidRejected() {
        List<String> wrong = new ArrayList<>();
        int tests = 0;
        for (JsonValue g : arr(obj(json("vectors/wycheproof/testvectors_v1/ed25519_test.json")).get("testGroups"))) {
            VerificationKey key = VerificationKey.fromSpki(hex(g, "publicKeyDer"));
            for (JsonValue t : arr(obj(g).get("tests"))) {
                boolean accepted = wycheproofAccepts(key, hex(t, "msg"), hex(t, "sig"));
                if (accepted != str(t, "result").equals("valid")) {
                    wrong.add("tcId " + obj(t).get("tcId") + " " + str(t, "comment"));
                }
                tests++;
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(151, tests);
    }

    @Test
    void wycheproofEcdsaP256P1363ValidAcceptedInvalidRejected() {
        List<String> wrong = new ArrayList<>();
        int tests = 0;
        for (JsonValue g : arr(obj(json("vectors/wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"))
                .get("testGroups"))) {
            VerificationKey key = VerificationKey.fromSpki(hex(g, "publicKeyDer"));
            for (JsonValue t : arr(obj(g).get("tests"))) {
                boolean accepted = wycheproofAccepts(key, hex(t, "msg"), hex(t, "sig"));
                String result = str(t, "result");
                if (!result.equals("acceptable") && accepted != result.equals("valid")) {
                    wrong.add("tcId " + obj(t).get("tcId") + " " + str(t, "comment"));
                }
                tests++;
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(262, tests);
    }

    /** ed25519-speccheck at the raw-signature level, pinned as SIGNING.md lists (BC's verifier). */
    @Test
    void speccheckCasesGiveThePinnedOutcomes() {
        List<JsonValue> cases = arr(json("vectors/ed25519-speccheck/cases.json"));
        boolean[] expected = {false, false, true, true, true, true, false, false, false, false, false, false};
        assertEquals(expected.length, cases.size());
        for (int i = 0; i < cases.size(); i++) {
            JsonValue c = cases.get(i);
            boolean accepted = Crypto.verifyEd25519(hex(c, "pub_key"), hex(c, "message"), hex(c, "signature"))
                    == Crypto.Check.VALID;
            assertEquals(expected[i], accepted, "speccheck case " + i);
        }
    }

    /**
     * C2SP CCTV: every non_canonical_* vector rejected; the others pinned as a regression (the
     * accepted vector numbers as first measured with Bouncy Castle 1.87 and our encoding checks).
     */
    @Test
    void cctvNonCanonicalRejectedAndTheRestPinned() {
        List<Integer> acceptedOthers = new ArrayList<>();
        List<Integer> acceptedNonCanonical = new ArrayList<>();
        for (JsonValue v : arr(json("vectors/cctv-ed25519/ed25519vectors.json"))) {
            int number = (int) ((JsonValue.JsonNumber) obj(v).get("number")).value();
            List<String> flags = new ArrayList<>();
            JsonValue f = obj(v).get("flags");
            if (f instanceof JsonValue.JsonArray a) {
                a.items().forEach(x -> flags.add(((JsonValue.JsonString) x).value()));
            }
            boolean accepted = Crypto.verifyEd25519(hex(v, "key"), str(v, "msg").getBytes(StandardCharsets.UTF_8),
                    hex(v, "sig")) == Crypto.Check.VALID;
            if (accepted && flags.stream().anyMatch(x -> x.startsWith("non_canonical"))) {
                acceptedNonCanonical.add(number);
            } else if (accepted) {
                acceptedOthers.add(number);
            }
        }
        assertEquals(List.of(), acceptedNonCanonical);
        assertEquals(CctvPin.ACCEPTED_COUNT, acceptedOthers.size());
        assertEquals(CctvPin.ACCEPTED_SHA256, sha256(acceptedOthers.toString()));
        assertTrue(acceptedOthers.size() > 0);
    }

    static String sha256(String s) {
        return java.util.HexFormat.of().formatHex(Crypto.sha256(s.getBytes(StandardCharsets.UTF_8)));
    }
}
