package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.StrictJson;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** C2SP signed notes: the vectors of ../shared/vectors/merkle/signed_note_vectors.json, and our own notes. */
class SignedNoteTest {
    private static Map<String, JsonValue> vectors() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.path("vectors/merkle/signed_note_vectors.json"));
        return ((JsonValue.JsonObject) StrictJson.parse(b, new ParseLimits(1 << 24, 1 << 20))).members();
    }

    private static String s(JsonValue o, String k) {
        return ((JsonValue.JsonString) ((JsonValue.JsonObject) o).members().get(k)).value();
    }

    private static List<JsonValue> l(JsonValue o, String k) {
        return ((JsonValue.JsonArray) ((JsonValue.JsonObject) o).members().get(k)).items();
    }

    private static List<NoteKey> keys(JsonValue o, String k) {
        List<NoteKey> out = new ArrayList<>();
        for (JsonValue v : l(o, k)) {
            out.add(NoteKey.parse(((JsonValue.JsonString) v).value()));
        }
        return out;
    }

    @Test
    void everyValidNoteVerifiesWithItsKeys() throws IOException {
        Map<String, JsonValue> v = vectors();
        int notes = 0;
        for (JsonValue n : ((JsonValue.JsonArray) v.get("notes")).items()) {
            List<NoteKey> known = keys(n, "vkeys");
            SignedNote.Opened opened = SignedNote.open(s(n, "note"), known);
            assertEquals(s(n, "text"), opened.text());
            assertEquals(known.size(), opened.verifiedBy().size(), s(n, "desc"));
            notes++;
        }
        assertEquals(5, notes);
    }

    @Test
    void theVectorKeysRoundTripAndSignLikeGo() throws IOException {
        for (JsonValue k : ((JsonValue.JsonArray) vectors().get("keys")).items()) {
            NoteKey parsed = NoteKey.parse(s(k, "vkey"));
            assertEquals(s(k, "vkey"), parsed.vkey());
            assertEquals(s(k, "key_id"), parsed.keyHash());
            byte[] seed = HexFormat.of().parseHex(s(k, "ed25519_seed_hex"));
            byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + s(k, "ed25519_seed_hex"));
            SigningKey key = SigningKey.fromPkcs8(pkcs8);
            assertEquals(parsed, NoteKey.of(s(k, "name"), key.publicKey()));
            assertEquals(32, seed.length);
        }
        // Ed25519 is deterministic: signing Go's example text with PeterNeumann's key gives Go's note
        JsonValue example = ((JsonValue.JsonArray) vectors().get("notes")).items().get(1);
        JsonValue peter = ((JsonValue.JsonArray) vectors().get("keys")).items().get(0);
        SigningKey key = SigningKey.fromPkcs8(HexFormat.of().parseHex("302e020100300506032b657004220420" + s(peter, "ed25519_seed_hex")));
        assertEquals(s(example, "note"), SignedNote.sign(s(example, "text"), "PeterNeumann", key));
    }

    @Test
    void everyNegativeNoteAndKeyIsRefused() throws IOException {
        Map<String, JsonValue> v = vectors();
        int refused = 0;
        for (JsonValue c : l(v.get("negative_notes"), "cases")) {
            List<NoteKey> known = keys(c, "verifier_vkeys");
            Map<String, JsonValue> m = ((JsonValue.JsonObject) c).members();
            NoteException e = m.containsKey("note_hex")
                    ? assertThrows(NoteException.class, () -> SignedNote.open(HexFormat.of().parseHex(s(c, "note_hex")), known), s(c, "desc"))
                    : assertThrows(NoteException.class, () -> SignedNote.open(s(c, "note"), known), s(c, "desc"));
            String expected = s(c, "expected_error");
            String code = expected.startsWith("malformed") ? NoteException.MALFORMED
                    : expected.startsWith("invalid signature") ? NoteException.BAD_SIGNATURE : NoteException.UNVERIFIED;
            assertEquals(code, e.code(), s(c, "desc"));
            refused++;
        }
        assertTrue(refused >= 10);
        for (JsonValue c : l(v.get("invalid_vkeys"), "cases")) {
            assertEquals(NoteException.KEY, assertThrows(NoteException.class, () -> NoteKey.parse(s(c, "vkey"))).code());
        }
    }

    @Test
    void ourNotesOpenAndAlteredOnesDoNot() {
        SigningKey hub = SigningKey.generate(Algorithm.ED25519);
        SigningKey witness = SigningKey.generate(Algorithm.ED25519);
        NoteKey hubKey = NoteKey.of("hub.example.org/evalledger", hub.publicKey());
        String note = SignedNote.sign("hub.example.org/evalledger\n5\nAAAA\n", hubKey.name(), hub);
        assertEquals("hub.example.org/evalledger\n5\nAAAA\n", SignedNote.open(note, List.of(hubKey)).text());
        String cosigned = SignedNote.addSignature(note, "witness", witness);
        assertEquals(2, SignedNote.open(cosigned, List.of(hubKey, NoteKey.of("witness", witness.publicKey()))).verifiedBy().size());
        assertEquals(NoteException.BAD_SIGNATURE,
                assertThrows(NoteException.class, () -> SignedNote.open(note.replace("\n5\n", "\n6\n"), List.of(hubKey))).code());
        assertEquals(NoteException.UNVERIFIED, assertThrows(NoteException.class,
                () -> SignedNote.open(note, List.of(NoteKey.of("hub.example.org/evalledger", witness.publicKey())))).code());
        assertThrows(NoteException.class, () -> NoteKey.of("bad name", hub.publicKey()));
        assertThrows(NoteException.class, () -> NoteKey.of("p256", SigningKey.generate(Algorithm.ECDSA_P256).publicKey()));
    }
}
