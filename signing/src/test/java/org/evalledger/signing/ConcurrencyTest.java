package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One verifier serves many threads at once, each getting the status its input deserves. */
class ConcurrencyTest {
    @Test
    void tenThousandEnvelopesFromEightThreadsGetTheSameStatusesAsSerially() throws Exception {
        Verifier verifier = Verifier.of(Fixtures.policy().build());
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            org.evalledger.core.EvaluationRecord r = Fixtures.record().toBuilder().recordId("run-" + i).build();
            Envelope self = Signer.of(Fixtures.LAB).sign(r);
            distinct.add(self.toJson());                                                   // SELF_REPORTED
            distinct.add(Signer.of(Fixtures.CHECKER).countersign(self).toJson());          // VERIFIED
            distinct.add(Signer.of(Fixtures.STRANGER).sign(r).toJson());                   // UNTRUSTED
            byte[] tampered = self.toJson();
            tampered[tampered.length / 3] ^= 0x02;
            distinct.add(tampered);                                                         // INVALID
        }
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            inputs.add(distinct.get(i % distinct.size()));
        }
        List<Status> serial = new ArrayList<>();
        for (byte[] in : inputs) {
            serial.add(verifier.verify(in, Fixtures.NOW).status());
        }
        Status[] parallel = new Status[inputs.size()];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < inputs.size(); i += 8) {
                        parallel[i] = verifier.verify(inputs.get(i), Fixtures.NOW).status();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(600, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(serial, List.of(parallel));
        assertEquals(java.util.Set.of(Status.VERIFIED, Status.SELF_REPORTED, Status.UNTRUSTED, Status.INVALID),
                java.util.EnumSet.copyOf(serial));
    }
}
