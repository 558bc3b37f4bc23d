package org.evalledger.signing.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the key a signature was made with: the key its keyid names when that is a known key,
 * otherwise each known key in turn (the keyid is an unauthenticated hint). Bounded: at most 16
 * signatures times the number of known keys. Stateless and thread-safe.
 */
public final class KeyMatch {
    private KeyMatch() {}

    /** The result of matching one signature against known keys. */
    public record Match<K>(Optional<K> key, Crypto.Check check, boolean named) {}

    /**
     * @param keyId the signature's keyid hint, if any
     * @param known the known keys
     * @param idOf the key id of a known key
     * @param publicOf the public key of a known key
     * @param pae the signed bytes
     * @param sig the signature
     * @return the named key and its check when the keyid names a known key; else the first key
     *     under which the signature is valid, or no key with the check MISMATCH (or
     *     NON_CANONICAL / WRONG_LENGTH when that holds whatever the key)
     */
    public static <K> Match<K> find(Optional<String> keyId, List<K> known, Function<K, String> idOf,
            Function<K, Crypto.PublicKey> publicOf, byte[] pae, byte[] sig) {
        if (sig.length != Crypto.SIGNATURE_BYTES) {
            return new Match<>(Optional.empty(), Crypto.Check.WRONG_LENGTH, false);
        }
        if (keyId.isPresent()) {
            for (K k : known) {
                if (idOf.apply(k).equals(keyId.get())) {
                    return new Match<>(Optional.of(k), Crypto.verify(publicOf.apply(k), pae, sig), true);
                }
            }
        }
        Crypto.Check worst = Crypto.Check.MISMATCH;
        for (K k : known) {
            Crypto.Check c = Crypto.verify(publicOf.apply(k), pae, sig);
            if (c == Crypto.Check.VALID) {
                return new Match<>(Optional.of(k), c, false);
            }
            if (c == Crypto.Check.NON_CANONICAL) {
                worst = c;
            }
        }
        return new Match<>(Optional.empty(), worst, false);
    }
}
