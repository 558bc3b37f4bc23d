package org.evalledger.ledger;

import java.security.SecureRandom;
import java.util.HexFormat;
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
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verifier;

/**
 * The JVM that {@link LedgerCrashContract} kills: appends envelopes to a ledger (SQLite file or PostgreSQL URL) forever and
 * prints {@code ACK index sha256} after each append returns and {@code CP size rootHex} after
 * each checkpoint, flushing every line.
 */
public final class CrashAppender {
    private CrashAppender() {}

    static SigningKey key(long seed) throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(seed);
        return SigningKey.generate(Algorithm.ED25519, r);
    }

    static Verifier verifier() throws Exception {
        return Verifier.of(TrustPolicy.builder().add(TrustedKey.of(key(1).publicKey(), "Lab", Role.PRODUCER)).build());
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        long run = Long.parseLong(args[1]);
        Signer signer = Signer.of(key(1));
        SigningKey hub = key(2);
        Verifier verifier = verifier();
        try (Ledger ledger = Ledger.open(db)) {
            for (long i = 0; ; i++) {
                EvaluationRecord r = EvaluationRecord.builder().recordId("crash:" + run + ":" + i)
                        .createdAt(Timestamp.parse("2026-06-13T09:30:00Z")).model(Model.of("lab/model-" + (i % 5)))
                        .producer(Producer.of("Lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                        .addResult(Result.of(Task.of("mmlu"), List.of(Metric.of("acc", 0.5, true)))).build();
                byte[] envelope = signer.sign(r).toJson();
                Ledger.Appended a = ledger.append(envelope, verifier);
                System.out.println("ACK " + a.index() + " " + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(envelope)));
                System.out.flush();
                if (i % 7 == 6) {
                    String note = ledger.checkpoint(hub);
                    Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
                    System.out.println("CP " + cp.treeSize() + " " + HexFormat.of().formatHex(cp.rootHash()));
                    System.out.flush();
                }
            }
        }
    }
}
