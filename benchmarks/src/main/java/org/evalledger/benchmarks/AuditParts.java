package org.evalledger.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;

/**
 * What one {@link AuditBench} audit is made of, each part timed over the same 4,096 uploads in
 * alternating bursts within one JVM (as {@link InterleavedAudit} does, so that the parts of a round
 * share the machine's state of that second):
 *
 * <ul>
 *   <li>{@code audit}: the whole audit ({@link AuditBench#auditOneThread});
 *   <li>{@code signature}: the signature work inside it, nothing else: raw Bouncy Castle Ed25519
 *       verification of each upload's own PAE and signature under the signer's point decoded once;
 *   <li>{@code ours}: everything else: the same verification under a trust policy that trusts no
 *       key (the envelope, the payload's strict read, the JCS check, full validation, the subjects
 *       and the decision, but no signature checked), then the anomaly check;
 *   <li>{@code check}: the anomaly check alone, on records mapped before;
 *   <li>{@code floor}: the floor ({@link AuditBench#floorRawEd25519OneThread}: a 400-byte
 *       message, the key decoded each time); the audit target is floor / audit ≥ 0.75;
 *   <li>{@code interference}: audit − signature − ours, per round: what doing both in one call costs
 *       beyond each alone in a loop of its own (caches and branch predictors shared between them).
 * </ul>
 *
 * <pre>{@code
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.evalledger.benchmarks.AuditParts 60
 * }</pre>
 *
 * <p>Prints the median of each part in µs per upload. Run by hand; not a test.
 */
public final class AuditParts {
    private static volatile Object sink;

    private AuditParts() {}

    /** Runs the probe for the given number of rounds (bursts of 1,000 calls of each part). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AuditParts ROUNDS");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        AuditBench bench = new AuditBench();
        bench.setup();
        int n = bench.uploads();
        byte[][] paes = new byte[n][];
        byte[][] sigs = new byte[n][];
        EvaluationRecord[] records = new EvaluationRecord[n];
        Verifier trustsNoKey = Verifier.of(TrustPolicy.builder().build());
        for (int i = 0; i < n; i++) {
            Envelope e = Envelope.parse(bench.upload(i));
            paes[i] = e.pae();
            sigs[i] = e.signatures().get(0).sig();
            records[i] = trustsNoKey.verify(bench.upload(i)).unverifiedRecord().orElseThrow();
        }
        byte[] spki = bench.signer().spki(); // an Ed25519 SPKI ends with the 32 bytes of the key
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(spki, spki.length - 32);
        AuditBench.Cursor cursor = new AuditBench.Cursor();
        int[] next = {0};
        Runnable[] parts = {
            () -> sink = bench.auditOneThread(cursor),
            () -> {
                int i = Math.floorMod(next[0]++, n);
                if (!Ed25519.verify(sigs[i], 0, point, paes[i], 0, paes[i].length)) {
                    throw new IllegalStateException("every upload's signature verifies");
                }
            },
            () -> {
                Verification v = trustsNoKey.verify(bench.upload(next[0]++));
                if (!v.validation().orElseThrow().valid()) {
                    throw new IllegalStateException("every upload is valid");
                }
                sink = bench.detector().check(v.unverifiedRecord().orElseThrow());
            },
            () -> sink = bench.detector().check(records[Math.floorMod(next[0]++, n)]),
            () -> sink = bench.floorRawEd25519OneThread(),
        };
        for (int w = 0; w < 30_000; w++) {
            for (Runnable part : parts) {
                part.run();
            }
        }
        double[][] t = new double[parts.length + 1][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < parts.length; p++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    parts[p].run();
                }
                t[p][r] = (System.nanoTime() - t0) / 1e3 / 1000;
            }
            t[parts.length][r] = t[0][r] - t[1][r] - t[2][r];
        }
        String[] names = {"audit", "signature", "ours", "check", "floor", "interference"};
        StringBuilder out = new StringBuilder("medians of " + rounds + " rounds, us per upload:");
        for (int p = 0; p < names.length; p++) {
            double[] sorted = t[p].clone();
            Arrays.sort(sorted);
            out.append(String.format(Locale.ROOT, " %s %.1f", names[p], sorted[rounds / 2]));
        }
        System.out.println(out);
    }
}
