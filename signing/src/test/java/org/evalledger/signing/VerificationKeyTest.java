package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link VerificationKey#verifies}: the raw signature check, before and after an Ed25519 key's table. */
class VerificationKeyTest {

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aKeyVerifiesItsOwnSignaturesOfTheExactBytesOnly(Algorithm algorithm) {
        SigningKey signing = SigningKey.generate(algorithm);
        SigningKey other = SigningKey.generate(algorithm);
        VerificationKey key = VerificationKey.fromSpki(signing.publicKey().spki());
        // 300 rounds: an Ed25519 key makes its table on its 256th check, so both ways are exercised
        for (int i = 0; i < 300; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = signing.sign(message);
            assertTrue(key.verifies(message, signature), "round " + i);
            byte[] flipped = signature.clone();
            flipped[i % 64] ^= (byte) (1 << (i % 8));
            assertFalse(key.verifies(message, flipped), "round " + i);
            assertFalse(key.verifies(Arrays.copyOf(message, message.length + 1), signature), "round " + i);
            assertFalse(key.verifies(message, other.sign(message)), "round " + i);
            assertFalse(key.verifies(message, Arrays.copyOf(signature, 65)), "round " + i);
        }
        assertThrows(NullPointerException.class, () -> key.verifies(null, new byte[64]));
        assertThrows(NullPointerException.class, () -> key.verifies(new byte[0], null));
    }
}
