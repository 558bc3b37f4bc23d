package org.evalledger.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.Importers;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.Role;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs, end to end, on the real lm-eval sample and the real v1 leaderboard. */
class ExamplesTest {
    @TempDir
    Path dir;

    @Test
    void aHarnessAuthorsEnvelopeIsCountersignedAndAcceptedByAHub() throws Exception {
        Path results = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        List<Path> envelopes = HarnessAuthor.publish(results, dir);
        assertFalse(envelopes.isEmpty());

        SigningKey reviewer = SigningKey.generate(Algorithm.ECDSA_P256);
        TrustPolicy policy = TrustPolicy.builder()
                .add(TrustedKey.of(KeyFiles.readPublic(dir.resolve("lab.pub")), "Example Lab", Role.PRODUCER))
                .add(TrustedKey.of(reviewer.publicKey(), "Reviewers", Role.VERIFIER)).build();
        EvaluationRecord rerun = Importers.importFile(results, ImportOptions.defaults()).records().get(0); // an exact re-run
        Optional<Envelope> countersigned = IndependentVerifier.review(policy, Files.readAllBytes(envelopes.get(0)), rerun, reviewer);
        assertTrue(countersigned.isPresent());

        List<EvaluationRecord> known = Importers.importFile(SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv"),
                ImportOptions.defaults()).records();
        HubService hub = new HubService(policy, known);
        HubService.Decision d = hub.review(countersigned.get().toJson());
        assertTrue(d.action().equals("ACCEPT") || d.action().equals("REVIEW"), d.toString());
        byte[] tampered = countersigned.get().toJson();
        tampered[tampered.length / 2] ^= 1;
        assertEquals("REJECT", hub.review(tampered).action());
        assertEquals("REJECT", hub.review("not json".getBytes()).action());
    }

    @Test
    void theVerifierRefusesARerunThatDisagrees() throws Exception {
        Path results = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        List<Path> envelopes = HarnessAuthor.publish(results, dir);
        TrustPolicy policy = TrustPolicy.builder()
                .add(TrustedKey.of(KeyFiles.readPublic(dir.resolve("lab.pub")), "Example Lab", Role.PRODUCER)).build();
        EvaluationRecord rerun = Importers.importFile(results, ImportOptions.defaults()).records().get(0);
        var first = rerun.results().get(0);
        var m = first.metrics().get(0);
        var moved = new org.evalledger.core.Metric(m.id(), Math.min(1, m.value() + 0.2), m.unit(), m.higherIsBetter(), m.range(), m.stderr(),
                null, m.stddev(), m.n());
        var changed = rerun.toBuilder().results(List.of(new org.evalledger.core.Result(first.task(), List.of(moved), first.artifacts()))).build();
        assertTrue(IndependentVerifier.review(policy, Files.readAllBytes(envelopes.get(0)), changed, SigningKey.generate(Algorithm.ED25519))
                .isEmpty());
    }
}
