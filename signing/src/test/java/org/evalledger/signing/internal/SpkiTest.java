package org.evalledger.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyException;
import org.junit.jupiter.api.Test;

/**
 * An Ed25519 key in its usual SubjectPublicKeyInfo, read directly by {@link Crypto#publicKey}, is
 * the key Bouncy Castle's ASN.1 parser and key factory make of the same bytes, with the same DER
 * and the same refusals; other encodings still go through them.
 */
class SpkiTest {
    private static final String PREFIX = "302a300506032b6570032100";

    @Property(tries = 200)
    void theDirectReadingAndBouncyCastlesAgreeOnEveryKey(@ForAll @Size(value = 32) byte[] seed) {
        byte[] spki = Crypto.generate(Algorithm.ED25519, new SecureRandom(seed)).publicKey().spki();
        assertSameKey(Crypto.publicKeyFromAsn1(spki), Crypto.publicKey(spki));
    }

    @Property(tries = 300)
    void anyThirtyTwoBytesGetTheSameVerdictBothWays(@ForAll @Size(value = 32) byte[] key) {
        byte[] spki = HexFormat.of().parseHex(PREFIX + HexFormat.of().formatHex(key));
        Crypto.PublicKey viaAsn1;
        try {
            viaAsn1 = Crypto.publicKeyFromAsn1(spki);
        } catch (KeyException e) {
            assertEquals(e.code(), assertThrows(KeyException.class, () -> Crypto.publicKey(spki)).code());
            assertEquals(e.getMessage(), assertThrows(KeyException.class, () -> Crypto.publicKey(spki)).getMessage());
            return;
        }
        assertSameKey(viaAsn1, Crypto.publicKey(spki));
    }

    @Test
    void theSpkiOfAnEd25519KeyIsBouncyCastlesEncoding() {
        for (int seed = 0; seed < 20; seed++) {
            Crypto.PublicKey k = Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {(byte) seed})).publicKey();
            assertArrayEquals(Crypto.spkiOf(new Ed25519PublicKeyParameters(k.ed25519Raw())), Crypto.ed25519Spki(k.ed25519Raw()));
        }
    }

    @Test
    void smallOrderAndUndecodableKeysAreRefusedAsBefore() {
        // the identity (y = 1), of small order: decodes, then fails the full validation
        byte[] identity = HexFormat.of().parseHex(PREFIX + "01" + "00".repeat(31));
        assertEquals(KeyException.WEAK, assertThrows(KeyException.class, () -> Crypto.publicKey(identity)).code());
        // y = 2 is not the y of any point of the curve (no square root): refused while decoding
        byte[] offCurve = HexFormat.of().parseHex(PREFIX + "02" + "00".repeat(31));
        KeyException e = assertThrows(KeyException.class, () -> Crypto.publicKey(offCurve));
        assertEquals(KeyException.WEAK, e.code());
        assertEquals(assertThrows(KeyException.class, () -> Crypto.publicKeyFromAsn1(offCurve)).getMessage(), e.getMessage());
    }

    @Test
    void otherEncodingsOfAnEd25519KeyStillGoThroughTheAsn1Parser() {
        byte[] spki = Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {7})).publicKey().spki();
        byte[] key = Arrays.copyOfRange(spki, 12, 44);
        // one byte short, one byte long, and a BIT STRING with unused bits: not the 44 bytes read directly
        for (byte[] other : new byte[][] {Arrays.copyOf(spki, 43), Arrays.copyOf(spki, 45),
                HexFormat.of().parseHex("302a300506032b6570032101" + HexFormat.of().formatHex(key))}) {
            String viaAsn1 = outcome(() -> Crypto.publicKeyFromAsn1(other));
            assertEquals(viaAsn1, outcome(() -> Crypto.publicKey(other)));
        }
    }

    private static void assertSameKey(Crypto.PublicKey expected, Crypto.PublicKey actual) {
        assertEquals(expected.algorithm(), actual.algorithm());
        assertArrayEquals(expected.spki(), actual.spki());
        assertArrayEquals(expected.ed25519Raw(), actual.ed25519Raw());
        assertArrayEquals(((Ed25519PublicKeyParameters) expected.params()).getEncoded(), ((Ed25519PublicKeyParameters) actual.params()).getEncoded());
        assertEquals(Crypto.keyId(expected.spki()), Crypto.keyId(actual.spki()));
    }

    /** A decoded key's SPKI in hex, or the refusal's message. */
    private static String outcome(java.util.function.Supplier<Crypto.PublicKey> decode) {
        try {
            return HexFormat.of().formatHex(decode.get().spki());
        } catch (KeyException e) {
            return e.getMessage(); // it begins with the code
        }
    }
}
