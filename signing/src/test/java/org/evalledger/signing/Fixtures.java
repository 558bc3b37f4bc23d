package org.evalledger.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;

/** Keys, records and hand-made envelopes for the signing tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final SigningKey LAB = SigningKey.generate(Algorithm.ED25519);
    static final SigningKey LAB_SECOND = SigningKey.generate(Algorithm.ED25519);
    static final SigningKey CHECKER = SigningKey.generate(Algorithm.ECDSA_P256);
    static final SigningKey CHECKER_TWO = SigningKey.generate(Algorithm.ED25519);
    static final SigningKey HUB = SigningKey.generate(Algorithm.ED25519);
    static final SigningKey STRANGER = SigningKey.generate(Algorithm.ED25519);

    private Fixtures() {}

    static EvaluationRecord record(String modelId) {
        return EvaluationRecord.builder()
                .recordId("lab:run-0001")
                .createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.builder(modelId).revision("0123456789abcdef0123456789abcdef01234567").build())
                .producer(Producer.of("EleutherAI", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.of("arc_easy"), List.of(Metric.of("acc", 0.4376, true))))
                .build();
    }

    static EvaluationRecord record() {
        return record("EleutherAI/pythia-160m");
    }

    /** The standard trust policy: LAB producer (EleutherAI), CHECKER and CHECKER_TWO verifiers, HUB. */
    static TrustPolicy.Builder policy() {
        return TrustPolicy.builder()
                .add(TrustedKey.of(LAB.publicKey(), "EleutherAI", Role.PRODUCER))
                .add(TrustedKey.of(CHECKER.publicKey(), "Independent Checks Ltd", Role.VERIFIER))
                .add(TrustedKey.of(CHECKER_TWO.publicKey(), "University Lab", Role.VERIFIER))
                .add(TrustedKey.of(HUB.publicKey(), "Hub", Role.HUB));
    }

    static Verification verify(TrustPolicy policy, Envelope envelope) {
        return Verifier.of(policy).verify(envelope.toJson(), NOW);
    }

    /** An envelope over arbitrary payload bytes, signed (over the PAE) by each key. */
    static Envelope envelope(String payloadType, byte[] payload, SigningKey... keys) {
        List<Envelope.Signature> sigs = new ArrayList<>();
        for (SigningKey k : keys) {
            sigs.add(new Envelope.Signature(k.publicKey().keyId(), k.sign(Pae.encode(payloadType, payload))));
        }
        return new Envelope(payloadType, payload, sigs);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
