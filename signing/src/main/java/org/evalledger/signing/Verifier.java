package org.evalledger.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.Issue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.StrictJson;
import org.evalledger.schema.ValidationReport;
import org.evalledger.signing.internal.Crypto;
import org.evalledger.signing.internal.KeyMatch;
import org.evalledger.signing.internal.Statements;
import org.jspecify.annotations.Nullable;

/**
 * Verifies signed records against a trust policy (SIGNING.md): the DSSE layer, then the payload
 * rules (in-toto Statement, predicate type, subjects, full record validation), then the policy.
 * It returns a {@link Verification} with exactly one {@link Status} for any input and never
 * throws for bad input; there is no boolean verify.
 *
 * <p>Decision order (the first rule that applies wins): an envelope or payload rejection →
 * INVALID; a signature whose keyid names a trusted key and does not verify → INVALID; a signature
 * that verifies under a key revoked at or before the verification time → REVOKED; counted
 * signatures (valid, key inside its window, scope matching) → VERIFIED or SELF_REPORTED;
 * otherwise UNTRUSTED. Validity windows and revocation are judged at the verification time, never
 * at the record's {@code createdAt}, which the signer controls.
 *
 * <p>Immutable and thread-safe: one instance may serve many threads at once.
 */
public final class Verifier {
    private static final Verification NOT_CANONICAL = Verification.invalid(Reason.PAYLOAD_NOT_CANONICAL,
            "the payload is not in RFC 8785 canonical form; signers must sign the JCS bytes of the Statement", List.of());

    private static final Set<String> STATEMENT_MEMBERS = Set.of("_type", "subject", "predicateType", "predicate");

    private final TrustPolicy policy;
    private final Clock clock;
    private final boolean strict;
    private final long maxBytes;

    private Verifier(TrustPolicy policy, Clock clock, boolean strict, long maxBytes) {
        this.policy = policy;
        this.clock = clock;
        this.strict = strict;
        this.maxBytes = maxBytes;
    }

    /** A strict verifier with the system clock and the default 16 MiB envelope cap. */
    public static Verifier of(TrustPolicy policy) {
        return new Verifier(Objects.requireNonNull(policy, "policy"), Clock.systemUTC(), true, Envelope.DEFAULT_MAX_BYTES);
    }

    /** A copy that reads this clock for the verification time. */
    public Verifier withClock(Clock clock) {
        return new Verifier(policy, Objects.requireNonNull(clock, "clock"), strict, maxBytes);
    }

    /** A copy that accepts a payload not in RFC 8785 form, with a warning (strict rejects it). */
    public Verifier lenient() {
        return new Verifier(policy, clock, false, maxBytes);
    }

    /** A copy with another envelope size cap. */
    public Verifier withMaxBytes(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new Verifier(policy, clock, strict, maxBytes);
    }

    /** The policy. */
    public TrustPolicy policy() {
        return policy;
    }

    /** Verifies envelope bytes at the clock's current time. */
    public Verification verify(byte[] envelopeJson) {
        return verify(envelopeJson, clock.instant());
    }

    /**
     * Verifies envelope bytes at a given time (for example when a ledger recorded the upload).
     *
     * @param envelopeJson any bytes
     * @param at the verification time for validity windows and revocation
     * @return the verification; never null, never thrown
     */
    public Verification verify(byte[] envelopeJson, Instant at) {
        Objects.requireNonNull(envelopeJson, "envelopeJson");
        Objects.requireNonNull(at, "at");
        try {
            return check(envelopeJson, at);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Verification.invalid(Reason.TOO_LARGE, "the envelope could not be processed within the available resources",
                    List.of());
        }
    }

    private Verification check(byte[] json, Instant at) {
        Envelope envelope;
        try {
            envelope = Envelope.parse(json, maxBytes);
        } catch (EnvelopeException e) {
            return Verification.invalid(e.reason(), e.getMessage(), List.of());
        }
        if (!Envelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            return Verification.invalid(Reason.PAYLOAD_TYPE, "payloadType must be exactly \"" + Envelope.IN_TOTO_PAYLOAD_TYPE
                    + "\", got \"" + envelope.payloadType() + "\"", List.of());
        }

        // --- signatures over the received PAE bytes only
        byte[] pae = envelope.pae();
        List<KeyMatch.Match<TrustedKey>> matches = new ArrayList<>();
        for (Envelope.Signature s : envelope.signatures()) {
            KeyMatch.Match<TrustedKey> m = KeyMatch.find(s.keyId(), policy.keys(), TrustedKey::keyId,
                    k -> k.key().internal(), pae, s.sig());
            if (m.check() == Crypto.Check.WRONG_LENGTH) {
                return Verification.invalid(Reason.SIGNATURE_LENGTH, "a signature is " + s.sig().length
                        + " bytes; Ed25519 and ECDSA P-256 (r||s) signatures are exactly 64", List.of());
            }
            if (m.check() == Crypto.Check.NON_CANONICAL) {
                return Verification.invalid(Reason.NON_CANONICAL_SIGNATURE,
                        "a signature is not canonically encoded (Ed25519 S >= L, or ECDSA r or s outside [1, n-1])", List.of());
            }
            if (m.named() && m.check() == Crypto.Check.MISMATCH) {
                TrustedKey k = m.key().orElseThrow();
                return Verification.invalid(Reason.BAD_SIGNATURE, "the signature by trusted key " + k.keyId() + " ("
                        + k.owner() + ") does not verify: it is forged, or the payload was changed after signing",
                        List.of(new SignatureOutcome(k.keyId(), k.owner(), firstRole(k), false, Reason.BAD_SIGNATURE)));
            }
            matches.add(m);
        }

        // --- the verified payload bytes, parsed strictly; the reader notes whether they are canonical
        byte[] payload = envelope.payloadBytes(); // read only
        List<String> warnings = new ArrayList<>();
        StrictJson.Document document;
        try {
            document = StrictJson.read(payload, new ParseLimits(maxBytes, ParseLimits.DEFAULT.maxStringChars()));
        } catch (RecordFormatException e) {
            return Verification.invalid(Reason.PAYLOAD_JSON, "the payload is not strict JSON: " + e.getMessage(), List.of());
        }
        // the canonical check comes first in the decision order
        if (!document.canonical()) {
            if (strict) {
                return NOT_CANONICAL;
            }
            warnings.add(Reason.PAYLOAD_NOT_CANONICAL.code() + ": the payload is not in RFC 8785 canonical form");
        }
        JsonValue statement = document.value();
        if (!(statement instanceof JsonValue.JsonObject st)
                || !st.members().keySet().equals(STATEMENT_MEMBERS)) {
            return Verification.invalid(Reason.STATEMENT_SHAPE,
                    "the payload must be an in-toto Statement with exactly _type, subject, predicateType and predicate", List.of());
        }
        Map<String, JsonValue> m = st.members();
        if (!new JsonValue.JsonString(Statements.STATEMENT_TYPE).equals(m.get("_type"))) {
            return Verification.invalid(Reason.STATEMENT_TYPE, "_type must be \"" + Statements.STATEMENT_TYPE + "\"", List.of());
        }
        if (!new JsonValue.JsonString(EvaluationRecord.SCHEMA_V1).equals(m.get("predicateType"))) {
            return Verification.invalid(Reason.PREDICATE_TYPE, "predicateType must be \"" + EvaluationRecord.SCHEMA_V1 + "\"",
                    List.of());
        }
        // validated as its canonical form (what the digest covers), from the tree already parsed;
        // a canonical payload's predicate bytes are the record's canonical form, which gives its digest
        RecordValidator validator = RecordValidator.standard().withClock(Clock.fixed(at, ZoneOffset.UTC));
        Optional<StrictJson.Document> predicate = document.member("predicate");
        ValidationReport report = predicate.isPresent() ? validator.validate(predicate.get()) : validator.validate(m.get("predicate"));
        if (!report.valid() || report.record().isEmpty()) {
            return Verification.invalid(Reason.RECORD_INVALID, "the predicate is not a valid record: "
                    + report.errors().stream().map(Issue::toString).limit(5).toList(), List.of()).withValidation(report);
        }
        report.warnings().forEach(w -> warnings.add(w.toString()));
        EvaluationRecord record = report.record().get();
        String digest = report.digest().orElseThrow();
        // The subjects as a set of values: the same answer as comparing their canonical (JCS) texts, since the
        // expected subjects hold strings only, and JSON values made of strings are equal exactly when their JCS texts are.
        List<JsonValue> expectedSubjects = Statements.subjects(record, digest);
        if (!(m.get("subject") instanceof JsonValue.JsonArray subjects)
                || subjects.items().size() != expectedSubjects.size()
                || !sameSet(subjects.items(), expectedSubjects)) {
            return Verification.invalid(Reason.SUBJECT_MISMATCH, "the Statement's subjects do not match the record: it must "
                    + "name exactly the record digest, the model commit (when the revision is one) and each artifact", List.of())
                    .withValidation(report);
        }
        return decide(matches, envelope, record, digest, at, warnings).withValidation(report);
    }

    /** Whether two lists hold the same set of values: pairwise for a few, through hash sets for more. */
    private static boolean sameSet(List<JsonValue> a, List<JsonValue> b) {
        if (a.size() > FEW_SUBJECTS || b.size() > FEW_SUBJECTS) {
            return new HashSet<>(a).equals(new HashSet<>(b)); // a record with many artifacts: no quadratic comparison
        }
        return a.containsAll(b) && b.containsAll(a);
    }

    /** Up to this many subjects (the record, its model commit, a few artifacts) a pairwise comparison beats hashing. */
    private static final int FEW_SUBJECTS = 8;

    private Verification decide(List<KeyMatch.Match<TrustedKey>> matches, Envelope envelope, EvaluationRecord record,
            String digest, Instant at, List<String> warnings) {
        String modelId = record.model().id();
        // rule 3: revoked keys win over everything else
        for (KeyMatch.Match<TrustedKey> m : matches) {
            if (m.check() == Crypto.Check.VALID && m.key().orElseThrow().revokedAt(at)) {
                TrustedKey k = m.key().get();
                return new Verification(Status.REVOKED, Reason.KEY_REVOKED, "signed with key " + k.keyId() + " of " + k.owner()
                        + ", revoked at " + k.revokedAt(), record, digest, outcomes(matches, envelope, modelId, at), warnings);
            }
        }
        List<SignatureOutcome> outcomes = outcomes(matches, envelope, modelId, at);
        boolean producer = outcomes.stream().anyMatch(o -> o.counted() && o.role() == Role.PRODUCER);
        long verifiers = outcomes.stream().filter(o -> o.counted() && o.role() == Role.VERIFIER).count();
        if (producer && verifiers >= policy.threshold()) {
            return new Verification(Status.VERIFIED, null, "signed by a trusted producer and " + verifiers
                    + " independent verifier(s)", record, digest, outcomes, warnings);
        }
        if (producer) {
            return new Verification(Status.SELF_REPORTED, null, "signed by a trusted producer; " + verifiers + " of "
                    + policy.threshold() + " independent verifier(s) required for VERIFIED", record, digest, outcomes, warnings);
        }
        return new Verification(Status.UNTRUSTED, null, "no signature by a trusted producer key in scope and in its "
                + "validity window", record, digest, outcomes, warnings);
    }

    /** Per-signature outcomes: producers first, then independent verifiers, counted over distinct keys. */
    private static List<SignatureOutcome> outcomes(List<KeyMatch.Match<TrustedKey>> matches, Envelope envelope,
            String modelId, Instant at) {
        SignatureOutcome[] out = new SignatureOutcome[matches.size()];
        Set<String> usedKeys = new HashSet<>();
        Set<String> producerOwners = new HashSet<>();
        // pass 1: producers
        for (int i = 0; i < matches.size(); i++) {
            KeyMatch.Match<TrustedKey> m = matches.get(i);
            if (m.key().isEmpty()) {
                out[i] = new SignatureOutcome(envelope.signatures().get(i).keyId().orElse(null), null, null, false,
                        Reason.UNKNOWN_KEY);
                continue;
            }
            TrustedKey k = m.key().get();
            Reason unusable = unusable(k, modelId, at);
            if (unusable != null) {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), firstRole(k), false, unusable);
            } else if (k.roles().contains(Role.PRODUCER)) {
                if (!usedKeys.add(k.keyId())) {
                    out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.PRODUCER, false, Reason.DUPLICATE_KEY);
                } else if (!producerOwners.isEmpty()) {
                    out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.PRODUCER, false, Reason.EXTRA_PRODUCER);
                } else {
                    producerOwners.add(k.owner());
                    out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.PRODUCER, true, Reason.COUNTED);
                }
            }
        }
        // pass 2: verifiers, independent of the producer
        for (int i = 0; i < matches.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            TrustedKey k = matches.get(i).key().orElseThrow();
            if (!k.roles().contains(Role.VERIFIER)) {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.HUB, false, Reason.HUB_KEY);
            } else if (!usedKeys.add(k.keyId())) {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.VERIFIER, false, Reason.DUPLICATE_KEY);
            } else if (producerOwners.isEmpty()) {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.VERIFIER, false, Reason.NO_PRODUCER);
            } else if (producerOwners.contains(k.owner())) {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.VERIFIER, false, Reason.SAME_OWNER);
            } else {
                out[i] = new SignatureOutcome(k.keyId(), k.owner(), Role.VERIFIER, true, Reason.COUNTED);
            }
        }
        return List.of(out);
    }

    private static @Nullable Reason unusable(TrustedKey k, String modelId, Instant at) {
        if (k.revokedAt(at)) {
            return Reason.KEY_REVOKED;
        }
        if (!k.validAt(at)) {
            return Reason.OUTSIDE_WINDOW;
        }
        if (!k.covers(modelId)) {
            return Reason.OUT_OF_SCOPE;
        }
        if (!k.roles().contains(Role.PRODUCER) && !k.roles().contains(Role.VERIFIER)) {
            return Reason.HUB_KEY;
        }
        return null;
    }

    private static Role firstRole(TrustedKey k) {
        for (Role r : Role.values()) {
            if (k.roles().contains(r)) {
                return r;
            }
        }
        throw new IllegalStateException("a trusted key has at least one role");
    }
}
