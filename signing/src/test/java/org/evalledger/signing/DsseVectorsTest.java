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
import java.util.Map;
import org.evalledger.core.JsonValue;
import org.junit.jupiter.api.Test;

/** DSSE layer vectors: the spec vector, the 20 derived envelope cases and the PAE vectors. */
class DsseVectorsTest {

    @Test
    void dsseSpecVectorVerifiesWithItsP256Key() {
        JsonValue v = json("vectors/dsse/dsse_spec_vector.json");
        VerificationKey key = VerificationKey.fromPem(str(obj(v).get("key"), "publicKeySpkiPem"));
        assertEquals(Algorithm.ECDSA_P256, key.algorithm());
        assertArrayEquals(hex(v, "pae_hex"), Pae.encode(str(v, "payloadType"), Vectors.utf8(str(v, "payload_utf8"))));
        DsseVerifier.Result r = DsseVerifier.of(List.of(key), 1).verify(Vectors.bytes(obj(v).get("envelope")));
        assertTrue(r.accepted(), r.toString());
        assertEquals("hello world", new String(r.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void aParsedEnvelopesPayloadCannotBeChangedThroughWhatItHandsOut() {
        JsonValue v = json("vectors/dsse/dsse_spec_vector.json");
        Envelope e = Envelope.parse(Vectors.bytes(obj(v).get("envelope")));
        byte[] handed = e.payload();
        java.util.Arrays.fill(handed, (byte) 'x');
        assertEquals("hello world", new String(e.payload(), StandardCharsets.UTF_8));
        assertArrayEquals(hex(v, "pae_hex"), e.pae());
    }

    @Test
    void paeVectorsCountBytesNotCharacters() {
        for (JsonValue p : arr(obj(json("vectors/derived/dsse_ed25519_derived.json")).get("pae_vectors"))) {
            assertArrayEquals(hex(p, "pae_hex"), Pae.encode(str(p, "payloadType"), hex(p, "payload_hex")),
                    str(p, "pae_repr"));
        }
        JsonValue d = json("vectors/derived/dsse_ed25519_derived.json");
        byte[] payload = Vectors.utf8(str(d, "payload_utf8"));
        assertArrayEquals(hex(d, "pae_hex"), Pae.encode(Envelope.IN_TOTO_PAYLOAD_TYPE, payload));
    }

    /**
     * The 20 derived envelope cases at the DSSE layer. The one implementation-defined case,
     * {@code keyid-mismatch-hint-only} (a valid signature by a trusted key whose keyid hint names
     * no known key), is accepted: the keyid is an unauthenticated hint, and a hint naming no
     * known key makes the verifier try every trusted key (SIGNING.md "Key id"). The key is
     * accepted because its signature verifies, never because of its keyid.
     */
    @Test
    void derivedEnvelopeCasesGiveTheirExpectedOutcome() {
        JsonValue d = json("vectors/derived/dsse_ed25519_derived.json");
        Map<String, JsonValue> keys = obj(obj(d).get("keys"));
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (JsonValue c : arr(obj(d).get("cases"))) {
            List<VerificationKey> trusted = new ArrayList<>();
            for (JsonValue name : arr(obj(c).get("trustedKeys"))) {
                trusted.add(VerificationKey.fromPem(str(keys.get(((JsonValue.JsonString) name).value()), "publicKeySpkiPem")));
            }
            int threshold = (int) ((JsonValue.JsonNumber) obj(c).get("threshold")).value();
            DsseVerifier.Result r = DsseVerifier.of(trusted, threshold).verify(Vectors.bytes(obj(c).get("envelope")));
            String expect = str(c, "expect");
            boolean shouldAccept = expect.equals("accept") || expect.equals("implementation-defined");
            if (r.accepted() != shouldAccept) {
                wrong.add(str(c, "name") + ": " + r);
            }
            n++;
        }
        assertEquals(List.of(), wrong);
        assertEquals(20, n);
    }

    @Test
    void keyIdsAreTheSha256OfTheSpkiDer() {
        JsonValue d = json("vectors/derived/dsse_ed25519_derived.json");
        for (JsonValue k : obj(obj(d).get("keys")).values()) {
            assertEquals(str(k, "keyid_sha256_spki_der_hex"), VerificationKey.fromPem(str(k, "publicKeySpkiPem")).keyId());
        }
    }
}
