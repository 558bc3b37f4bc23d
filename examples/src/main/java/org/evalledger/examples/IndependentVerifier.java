package org.evalledger.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Result;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.Status;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;

/**
 * An independent party re-runs an evaluation and countersigns the published envelope only when
 * its own numbers agree with the published ones within three standard errors.
 *
 * <p>Run: {@code IndependentVerifier trust.json published.dsse.json my-rerun-record.json my.key out.dsse.json}
 */
public final class IndependentVerifier {
    private IndependentVerifier() {}

    /** Countersigns when the re-run agrees; returns the countersigned envelope, or empty with the reason printed. */
    public static Optional<Envelope> review(TrustPolicy policy, byte[] published, EvaluationRecord rerun, SigningKey myKey) {
        Verification v = Verifier.of(policy).verify(published);
        if (v.status() != Status.SELF_REPORTED && v.status() != Status.VERIFIED) {
            System.out.println("not countersigning: the envelope is " + v.status() + " " + v.reason().map(r -> r.code()).orElse(""));
            return Optional.empty();
        }
        EvaluationRecord claimed = v.record();                       // trusted: the record() call is allowed
        for (Result mine : rerun.results()) {
            for (Metric m : mine.metrics()) {
                Optional<Metric> theirs = claimed.results().stream()
                        .filter(r -> r.task().benchmark().equals(mine.task().benchmark()))
                        .flatMap(r -> r.metric(m.id()).stream()).findFirst();
                if (theirs.isEmpty()) {
                    continue;
                }
                double se = m.stderr() == null ? 0 : m.stderr().value();
                double gap = Math.abs(theirs.get().value() - m.value());
                if (gap > 3 * se + 1e-12) {
                    System.out.println("not countersigning: " + mine.task().benchmark() + " " + m.id() + " published "
                            + theirs.get().value() + ", re-run " + m.value());
                    return Optional.empty();
                }
            }
        }
        System.out.println("re-run agrees with " + claimed.model().id() + "; countersigning");
        return Optional.of(Signer.of(myKey).countersign(Envelope.parse(published)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: IndependentVerifier TRUST_JSON ENVELOPE RERUN_RECORD KEY OUT");
            System.exit(2);
        }
        EvaluationRecord rerun = org.evalledger.schema.RecordCodec.standard().read(Files.readAllBytes(Path.of(args[2])));
        Optional<Envelope> signed = review(TrustPolicy.read(Path.of(args[0])), Files.readAllBytes(Path.of(args[1])), rerun,
                KeyFiles.readPrivate(Path.of(args[3])));
        if (signed.isPresent()) {
            Files.write(Path.of(args[4]), signed.get().toJson());
        }
        System.exit(signed.isPresent() ? 0 : 1);
    }
}
