package org.evalledger.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.evalledger.signing.Algorithm;

/**
 * A key's point decoded at import gives every signature the same verdict as decoding the key's
 * bytes again for each one: valid signatures, flipped bits anywhere in the signature or the
 * message, and signatures by another key.
 */
class DecodedKeyTest {
    private static final PrivateKeyPair A = new PrivateKeyPair(1);
    private static final PrivateKeyPair B = new PrivateKeyPair(2);

    private record PrivateKeyPair(Crypto.PrivateKey key, byte[] raw) {
        PrivateKeyPair(int seed) {
            this(Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {(byte) seed})));
        }

        PrivateKeyPair(Crypto.PrivateKey key) {
            this(key, key.publicKey().ed25519Raw());
        }
    }

    @Property(tries = 300)
    void theDecodedPointAndTheKeyBytesAgree(@ForAll @Size(max = 300) byte[] message, @ForAll @IntRange(min = 0, max = 3) int change,
            @ForAll long seed) {
        Random random = new Random(seed);
        byte[] signature = Crypto.sign((change == 3 ? B : A).key(), message);
        byte[] checked = message.clone();
        switch (change) {
            case 1 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> {
                if (checked.length > 0) {
                    checked[random.nextInt(checked.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            default -> { } // 0: as signed; 3: signed by B, checked against A
        }
        Crypto.Check withPoint = Crypto.verify(A.key().publicKey(), checked, signature);
        Crypto.Check withBytes = Crypto.verifyEd25519(A.raw(), checked, signature);
        assertEquals(withBytes, withPoint);
        if (change == 0 || change == 2 && checked.length == 0) {
            assertEquals(Crypto.Check.VALID, withPoint);
        }
    }
}
