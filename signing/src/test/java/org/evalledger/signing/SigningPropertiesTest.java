package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Result;
import org.evalledger.core.Task;
import org.junit.jupiter.api.Test;

/** Sign/verify properties over generated records and random bit flips. */
class SigningPropertiesTest {
    private static final TrustPolicy POLICY = Fixtures.policy().build();
    private static final Verifier VERIFIER = Verifier.of(POLICY);

    @Provide
    Arbitrary<EvaluationRecord> records() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(4).map(values -> {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                results.add(Result.of(Task.of("bench_" + i), List.of(Metric.of("acc", values.get(i), true))));
            }
            return Fixtures.record().toBuilder().results(results).build();
        });
    }

    private static Status status(Envelope e) {
        return VERIFIER.verify(e.toJson(), Fixtures.NOW).status();
    }

    @Property(tries = 50)
    void signThenVerifyGivesTheStatusThePolicySays(@ForAll("records") EvaluationRecord record, @ForAll boolean countersign) {
        Envelope e = Signer.of(Fixtures.LAB).sign(record);
        if (countersign) {
            e = Signer.of(Fixtures.CHECKER).countersign(e);
        }
        Verification v = VERIFIER.verify(e.toJson(), Fixtures.NOW);
        assertEquals(countersign ? Status.VERIFIED : Status.SELF_REPORTED, v.status());
        assertEquals(record, v.record());
    }

    @Property(tries = 200)
    void flippingAnyBitOfPayloadTypeOrSignatureWithAKeyIdIsInvalid(@ForAll("records") EvaluationRecord record,
            @ForAll long seed) {
        Envelope e = Signer.of(Fixtures.LAB).sign(record);
        Random random = new Random(seed);
        for (Envelope tampered : List.of(flipPayload(e, random, true), flipSignature(e, random, true), flipType(e, random))) {
            assertEquals(Status.INVALID, status(tampered), tampered.toString());
        }
    }

    /**
     * Without key ids a flipped signature bit cannot be pinned on a trusted key: UNTRUSTED (or INVALID
     * when the flip makes S non-canonical). A flipped payload bit is INVALID whatever the key ids,
     * because the payload itself then fails its checks (SIGNING.md decision rule 1 comes first).
     */
    @Property(tries = 200)
    void withoutKeyIdsATamperedSignatureIsUntrustedAndATamperedPayloadNeverTrusted(
            @ForAll("records") EvaluationRecord record, @ForAll long seed) {
        Envelope e = Signer.of(Fixtures.LAB).sign(record);
        Random random = new Random(seed);
        Verification sig = VERIFIER.verify(flipSignature(e, random, false).toJson(), Fixtures.NOW);
        assertTrue(sig.status() == Status.UNTRUSTED
                || sig.reason().filter(r -> r == Reason.NON_CANONICAL_SIGNATURE).isPresent(), sig.toString());
        assertEquals(Status.INVALID, status(flipPayload(e, random, false)));
    }

    @Property(tries = 50)
    void reorderingSignaturesChangesNothing(@ForAll("records") EvaluationRecord record, @ForAll long seed) {
        Envelope e = Signer.of(Fixtures.CHECKER_TWO).countersign(Signer.of(Fixtures.HUB).countersign(
                Signer.of(Fixtures.CHECKER).countersign(Signer.of(Fixtures.LAB).sign(record))));
        List<Envelope.Signature> sigs = new ArrayList<>(e.signatures());
        Collections.shuffle(sigs, new Random(seed));
        Envelope shuffled = new Envelope(e.payloadType(), e.payload(), sigs);
        Verification a = VERIFIER.verify(e.toJson(), Fixtures.NOW);
        Verification b = VERIFIER.verify(shuffled.toJson(), Fixtures.NOW);
        assertEquals(a.status(), b.status());
        assertEquals(counted(a), counted(b));
    }

    @Property(tries = 50)
    void countersigningNeverChangesThePayloadBytes(@ForAll("records") EvaluationRecord record) {
        Envelope e = Signer.of(Fixtures.LAB).sign(record);
        Envelope c = Signer.of(Fixtures.STRANGER).countersign(Signer.of(Fixtures.CHECKER).countersign(e));
        assertArrayEquals(e.payload(), c.payload());
        assertEquals(e.signatures(), c.signatures().subList(0, 1));
    }

    @Test
    void aNonAsciiPayloadUsesByteLengthsInItsPae() {
        byte[] payload = "{\"m\":\"caf\u00e9 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(18, payload.length); // 13 chars in UTF-16, 12 code points
        assertArrayEquals(("DSSEv1 28 application/vnd.in-toto+json 18 ").getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOf(Pae.encode(Envelope.IN_TOTO_PAYLOAD_TYPE, payload), 42));
        byte[] pae = Pae.encode(Envelope.IN_TOTO_PAYLOAD_TYPE, payload);
        assertArrayEquals(payload, java.util.Arrays.copyOfRange(pae, 42, pae.length));
        EvaluationRecord r = Fixtures.record("org/mod\u00e8le-\ud83d\ude00");
        assertEquals(Status.SELF_REPORTED, VERIFIER.verify(Signer.of(Fixtures.LAB).sign(r).toJson(), Fixtures.NOW).status());
    }

    private static List<String> counted(Verification v) {
        return v.signatures().stream().filter(SignatureOutcome::counted).map(SignatureOutcome::keyId).sorted().toList();
    }

    private static Envelope flipPayload(Envelope e, Random random, boolean keyIds) {
        byte[] p = e.payload();
        p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
        return new Envelope(e.payloadType(), p, keyIds ? e.signatures() : withoutKeyIds(e));
    }

    private static Envelope flipSignature(Envelope e, Random random, boolean keyIds) {
        List<Envelope.Signature> sigs = new ArrayList<>();
        for (Envelope.Signature s : keyIds ? e.signatures() : withoutKeyIds(e)) {
            byte[] sig = s.sig();
            sig[random.nextInt(sig.length)] ^= (byte) (1 << random.nextInt(8));
            sigs.add(new Envelope.Signature(s.keyId().orElse(null), sig));
        }
        return new Envelope(e.payloadType(), e.payload(), sigs);
    }

    private static Envelope flipType(Envelope e, Random random) {
        byte[] t = e.payloadType().getBytes(StandardCharsets.UTF_8);
        t[random.nextInt(t.length)] ^= (byte) (1 << random.nextInt(7)); // stays ASCII
        return new Envelope(new String(t, StandardCharsets.UTF_8), e.payload(), e.signatures());
    }

    private static List<Envelope.Signature> withoutKeyIds(Envelope e) {
        return e.signatures().stream().map(s -> new Envelope.Signature(null, s.sig())).toList();
    }
}
