package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AnomalyDetector#fit(Population, AnomalyConfig, java.util.concurrent.Executor)}: the same
 * detector as the one-thread fit, whatever the executor does with its task (runs it at once on
 * another thread, rejects it, runs it on the caller's own thread, never gets to it, or is the
 * single-threaded pool the caller runs on), and an interrupt neither stops the fit nor is lost.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelFitTest {
    private static List<ModelScores> rows;
    private static List<AnomalyReport> expected;

    @BeforeAll
    static void oneThreadFit() {
        rows = LeaderboardTables.v2();
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(rows), AnomalyConfig.defaults());
        expected = reports(d);
        long peerFindings = expected.stream().filter(r -> !r.findings(DetectorId.S1).isEmpty()).count();
        assertTrue(peerFindings > 10, "the table exercises S1, the part fitted on the executor: " + peerFindings);
    }

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static List<AnomalyReport> reports(AnomalyDetector d) {
        List<AnomalyReport> out = new ArrayList<>();
        for (ModelScores m : rows) {
            out.add(d.check(m));
        }
        return out;
    }

    private static AnomalyDetector fit(java.util.concurrent.Executor executor) {
        return AnomalyDetector.fit(Population.ofTable(rows), AnomalyConfig.defaults(), executor);
    }

    @Test
    void aThreadPoolGivesTheSameDetector() {
        assertEquals(expected, reports(fit(pool)));
    }

    @Test
    void aNewThreadPerTaskGivesTheSameDetector() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        AnomalyDetector d = fit(task -> {
            Thread t = new Thread(task, "peers");
            ran.set(t);
            t.start();
        });
        assertEquals(expected, reports(d));
        assertTrue(ran.get() != null && ran.get() != Thread.currentThread());
    }

    @Test
    void aRejectingExecutorLeavesTheWorkToTheCaller() {
        AtomicInteger offered = new AtomicInteger();
        AnomalyDetector d = fit(task -> {
            offered.incrementAndGet();
            throw new RejectedExecutionException("full");
        });
        assertEquals(1, offered.get(), "one task per fit");
        assertEquals(expected, reports(d));
    }

    @Test
    void anExecutorThatRunsTasksInlineWorks() {
        assertEquals(expected, reports(fit(Runnable::run)));
    }

    /** An executor that keeps the task and never runs it: the caller runs it, and runs it once. */
    @Test
    void aTaskTheExecutorNeverStartsIsRunByTheCaller() {
        List<Runnable> kept = new ArrayList<>();
        AnomalyDetector d = fit(kept::add);
        assertEquals(expected, reports(d));
        assertEquals(1, kept.size());
        kept.get(0).run(); // late: the task has run already, so this does nothing and cannot change the detector
        assertEquals(expected, reports(d));
    }

    /** Fitting from inside the only thread of a pool, on that pool: no deadlock, the same detector. */
    @Test
    void theSingleThreadedPoolTheCallerRunsOnCannotDeadlock() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            Future<AnomalyDetector> f = single.submit(() -> fit(single));
            assertEquals(expected, reports(f.get(60, TimeUnit.SECONDS)));
        } finally {
            single.shutdownNow();
        }
    }

    /**
     * The caller interrupted as its task is handed over (so that it is interrupted while it fits its
     * part and when it waits for the other thread): the fit completes, and the interrupt is kept.
     */
    @Test
    void anInterruptDoesNotStopTheFitAndIsKept() {
        Thread caller = Thread.currentThread();
        AnomalyDetector d;
        try {
            d = fit(task -> {
                caller.interrupt();
                new Thread(task, "peers").start();
            });
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is set when the fit returns");
        } finally {
            Thread.interrupted(); // clear it for the rest of the suite
        }
        assertEquals(expected, reports(d));
    }

    /**
     * The wait itself: interrupted before it waits for a task still running elsewhere, it waits on
     * until the task is done, returns its result and leaves the interrupt set.
     */
    @Test
    void theWaitOutlastsAnInterrupt() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.FutureTask<String> task = new java.util.concurrent.FutureTask<>(() -> {
            release.await();
            return "done";
        });
        new Thread(task, "task").start();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }, "releaser");
        releaser.start();
        Thread.currentThread().interrupt();
        try {
            assertEquals("done", AnomalyDetector.result(task));
            assertTrue(task.isDone());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is set again");
        } finally {
            Thread.interrupted();
        }
        releaser.join();
    }

    /** What the task threw is what the fit throws. */
    @Test
    void theTasksExceptionIsRethrown() {
        IllegalStateException thrown = new IllegalStateException("broken");
        java.util.concurrent.FutureTask<String> task = new java.util.concurrent.FutureTask<>(() -> {
            throw thrown;
        });
        task.run();
        assertEquals(thrown, assertThrows(IllegalStateException.class, () -> AnomalyDetector.result(task)));
    }

    @Test
    void theExecutorIsRequired() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> AnomalyDetector.fit(Population.ofTable(rows), AnomalyConfig.defaults(), null));
        assertEquals("executor", e.getMessage());
    }
}
