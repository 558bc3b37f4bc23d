package org.evalledger.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyException;
import org.junit.jupiter.api.Test;

/**
 * An Ed25519 private key in either usual PKCS#8 encoding (RFC 8410; RFC 5958's v1, version 0, with
 * the key alone, and v2, version 1, with its public key too, as {@link Crypto#pkcs8} writes it),
 * read directly by {@link Crypto#privateKey}, is the key Bouncy Castle's ASN.1 parser and key
 * factory make of the same bytes: the same private key, public key, keyid and signatures; other
 * encodings still go through them.
 */
class Pkcs8Test {
    private static final String V1 = "302e020100300506032b657004220420";
    private static final String V2 = "3051020101300506032b657004220420";

    @Property(tries = 200)
    void bothVersionsReadDirectlyAreTheKeysBouncyCastleReads(@ForAll @Size(value = 32) byte[] seed) {
        Crypto.PrivateKey generated = Crypto.generate(Algorithm.ED25519, new SecureRandom(seed));
        byte[] written = Crypto.pkcs8(generated);
        assertEquals(V2, HexFormat.of().formatHex(written, 0, 16), "pkcs8 writes v2, with the public key");
        byte[] v1 = HexFormat.of().parseHex(V1 + HexFormat.of().formatHex(written, 16, 48));
        for (byte[] der : new byte[][] {written, v1}) {
            assertSameKey(Crypto.privateKeyFromAsn1(der), Crypto.privateKey(der));
            assertSameKey(generated, Crypto.privateKey(der));
        }
    }

    @Test
    void aPublicKeyThatIsNotTheKeysIsIgnoredBothWays() {
        byte[] der = Crypto.pkcs8(Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {3})));
        byte[] other = Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {4})).publicKey().ed25519Raw();
        System.arraycopy(other, 0, der, 51, 32);
        assertSameKey(Crypto.privateKeyFromAsn1(der), Crypto.privateKey(der));
    }

    @Test
    void otherEncodingsStillGoThroughTheAsn1Parser() {
        byte[] der = Crypto.pkcs8(Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {5})));
        byte[] versionTwo = der.clone();
        versionTwo[4] = 2; // an INTEGER version that RFC 5958 does not define
        byte[] noPublicTag = der.clone();
        noPublicTag[48] = (byte) 0xa1; // the public key as a constructed [1], not the BIT STRING
        for (byte[] other : new byte[][] {Arrays.copyOf(der, 82), Arrays.copyOf(der, 84), Arrays.copyOf(der, 47),
                Arrays.copyOf(der, 49), versionTwo, noPublicTag}) {
            assertEquals(outcome(other, true), outcome(other, false), HexFormat.of().formatHex(other));
        }
    }

    private static void assertSameKey(Crypto.PrivateKey expected, Crypto.PrivateKey actual) {
        assertEquals(expected.algorithm(), actual.algorithm());
        assertArrayEquals(((Ed25519PrivateKeyParameters) expected.params()).getEncoded(), ((Ed25519PrivateKeyParameters) actual.params()).getEncoded());
        assertArrayEquals(expected.publicKey().spki(), actual.publicKey().spki());
        assertArrayEquals(Crypto.pkcs8(expected), Crypto.pkcs8(actual));
        byte[] message = "a record".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Crypto.sign(expected, message), Crypto.sign(actual, message));
    }

    /** The key's PKCS#8 in hex as read one way or the other, or the refusal's message. */
    private static String outcome(byte[] der, boolean viaAsn1) {
        try {
            return HexFormat.of().formatHex(Crypto.pkcs8(viaAsn1 ? Crypto.privateKeyFromAsn1(der) : Crypto.privateKey(der)));
        } catch (KeyException e) {
            return e.getMessage(); // it begins with the code
        }
    }
}
