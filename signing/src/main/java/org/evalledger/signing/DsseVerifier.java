package org.evalledger.signing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.evalledger.signing.internal.Crypto;
import org.evalledger.signing.internal.KeyMatch;
import org.jspecify.annotations.Nullable;

/**
 * The DSSE layer (SIGNING.md "Two layers"): parses an envelope and checks its signatures over
 * the PAE against a plain set of public keys with a threshold of distinct keys. It knows nothing
 * of statements, records, roles or policies, and accepts any payload type. Use {@link Verifier}
 * for records.
 *
 * <p>Choices where DSSE leaves room, pinned by tests: a keyid that names a known key selects that
 * key, and the signature must verify under it; an absent or unknown keyid makes the verifier try
 * every known key. A signature that is not 64 bytes, or that is non-canonical (Ed25519 S >= L),
 * rejects the envelope. The same key signing twice counts once.
 *
 * <p>Immutable and thread-safe.
 */
public final class DsseVerifier {
    private final List<VerificationKey> keys;
    private final int threshold;
    private final long maxBytes;

    private DsseVerifier(List<VerificationKey> keys, int threshold, long maxBytes) {
        this.keys = keys;
        this.threshold = threshold;
        this.maxBytes = maxBytes;
    }

    /**
     * @param keys the keys to accept signatures from
     * @param threshold how many distinct keys must have signed, at least 1
     */
    public static DsseVerifier of(java.util.Collection<VerificationKey> keys, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
        }
        return new DsseVerifier(List.copyOf(new LinkedHashSet<>(keys)), threshold, Envelope.DEFAULT_MAX_BYTES);
    }

    /** The outcome of the DSSE layer. Immutable and thread-safe. */
    public static final class Result {
        private final @Nullable Reason reason;
        private final String message;
        private final List<String> keyIds;
        private final @Nullable Envelope envelope;

        Result(@Nullable Reason reason, String message, List<String> keyIds, @Nullable Envelope envelope) {
            this.reason = reason;
            this.message = message;
            this.keyIds = List.copyOf(keyIds);
            this.envelope = envelope;
        }

        /** Whether the envelope is accepted; {@link #reason()} says why not. */
        public boolean accepted() {
            return reason == null;
        }

        /** Why the envelope was rejected. */
        public Optional<Reason> reason() {
            return Optional.ofNullable(reason);
        }

        /** A one-line explanation. */
        public String message() {
            return message;
        }

        /** Key ids of the distinct known keys whose signatures verified. */
        public List<String> verifiedKeyIds() {
            return keyIds;
        }

        /** The verified payload bytes. @throws IllegalStateException when not accepted */
        public byte[] payload() {
            if (envelope == null || reason != null) {
                throw new IllegalStateException("the envelope was rejected (" + message + "); its payload is not verified");
            }
            return envelope.payload();
        }

        @Override
        public String toString() {
            return accepted() ? "accepted by " + keyIds : "rejected: " + message;
        }
    }

    /** Verifies envelope bytes; never throws for bad input. */
    public Result verify(byte[] envelopeJson) {
        Envelope envelope;
        try {
            envelope = Envelope.parse(Objects.requireNonNull(envelopeJson, "envelopeJson"), maxBytes);
        } catch (EnvelopeException e) {
            return new Result(e.reason(), e.getMessage(), List.of(), null);
        }
        byte[] pae = envelope.pae();
        Set<String> verified = new LinkedHashSet<>();
        for (Envelope.Signature s : envelope.signatures()) {
            KeyMatch.Match<VerificationKey> m = KeyMatch.find(s.keyId(), keys, VerificationKey::keyId,
                    VerificationKey::internal, pae, s.sig());
            switch (m.check()) {
                case VALID -> verified.add(m.key().orElseThrow().keyId());
                case WRONG_LENGTH -> {
                    return new Result(Reason.SIGNATURE_LENGTH, "a signature is not exactly 64 bytes", List.of(), null);
                }
                case NON_CANONICAL -> {
                    return new Result(Reason.NON_CANONICAL_SIGNATURE, "a signature is not canonically encoded", List.of(), null);
                }
                case MISMATCH -> {
                    if (m.named()) {
                        return new Result(Reason.BAD_SIGNATURE, "the signature by key " + s.keyId().orElse("?")
                                + " does not verify: forged, or the payload or payload type changed", List.of(), null);
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>(verified);
        if (ids.size() < threshold) {
            return new Result(Reason.THRESHOLD, ids.size() + " distinct known key(s) signed; " + threshold + " required", ids, null);
        }
        return new Result(null, "verified by " + ids.size() + " key(s)", ids, envelope);
    }
}
