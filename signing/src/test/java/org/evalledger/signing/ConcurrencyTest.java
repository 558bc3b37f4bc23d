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
    void oneVerifierUsedByManyThreadsGivesEveryThreadTheRightStatus() throws Exception {
        Verifier verifier = Verifier.of(Fixtures.policy().build());
        Envelope good = Signer.of(Fixtures.CHECKER).countersign(Signer.of(Fixtures.LAB).sign(Fixtures.record()));
        byte[] verified = good.toJson();
        byte[] tampered = good.toJson();
        tampered[tampered.length / 3] ^= 0x02;
        byte[] untrusted = Signer.of(Fixtures.STRANGER).sign(Fixtures.record()).toJson();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Status>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<Status> seen = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        seen.add(verifier.verify(verified, Fixtures.NOW).status());
                        seen.add(verifier.verify(untrusted, Fixtures.NOW).status());
                        seen.add(verifier.verify(tampered, Fixtures.NOW).status() == Status.INVALID ? Status.INVALID : Status.VERIFIED);
                    }
                    return seen;
                }));
            }
            for (Future<List<Status>> f : futures) {
                List<Status> seen = f.get(120, TimeUnit.SECONDS);
                for (int i = 0; i < seen.size(); i += 3) {
                    assertEquals(List.of(Status.VERIFIED, Status.UNTRUSTED, Status.INVALID), seen.subList(i, i + 3));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
