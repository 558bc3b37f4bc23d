package org.evalledger.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two ratios of issue 7's audit targets, each measured by alternating its two sides in short
 * bursts within one JVM, so that both sides of a round share the machine's state of that second. On
 * this noisy machine JMH runs its benchmarks one after another, minutes apart, and a ratio of two
 * of them moves by ±10–40% between runs; the median of many neighbouring pairs moves far less.
 * It complements {@link AuditBench} (same uploads, same population, same floor), it does not replace it.
 *
 * <pre>{@code
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.evalledger.benchmarks.InterleavedAudit floor 80
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.evalledger.benchmarks.InterleavedAudit threads 40
 * }</pre>
 *
 * <p>{@code floor}: each round times 1,000 single-thread audits, then 1,000 raw-floor
 * verifications; the ratio is audits per second over floor verifications per second.
 * {@code threads}: each round runs audits on one thread for half a second, then on two threads for
 * half a second; the ratio is the two-thread rate over the one-thread rate. Both print the median
 * ratio with its quartiles, after a warm-up of 30,000 audits.
 */
public final class InterleavedAudit {
    private static volatile Object sink;

    private InterleavedAudit() {}

    /** The median of the per-round ratios, their quartiles, and the medians of the two sides. */
    public record Result(double median, double lowerQuartile, double upperQuartile, double sideA, double sideB) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ratio median %.3f (quartiles %.3f-%.3f); medians %.1f and %.1f", median, lowerQuartile,
                    upperQuartile, sideA, sideB);
        }
    }

    /** Runs one probe: {@code floor ROUNDS} or {@code threads ROUNDS}; prints its result. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("floor") || args[0].equals("threads"))) {
            System.err.println("usage: InterleavedAudit floor|threads ROUNDS");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[1]);
        Result r = args[0].equals("floor") ? floor(rounds, 1000, 30_000) : threads(rounds, 500, 30_000);
        System.out.println(args[0] + ": " + r + (args[0].equals("floor") ? " us per audit and per floor verification"
                : " audits/s on one and on two threads"));
    }

    /** Audits per second over raw-floor verifications per second, {@code burst} of each per round. */
    public static Result floor(int rounds, int burst, int warmUp) {
        AuditBench bench = setUp();
        AuditBench.Cursor cursor = new AuditBench.Cursor();
        for (int i = 0; i < warmUp; i++) {
            sink = bench.auditOneThread(cursor);
        }
        double[] ratio = new double[rounds];
        double[] audit = new double[rounds];
        double[] floor = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                sink = bench.auditOneThread(cursor);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                sink = bench.floorRawEd25519OneThread();
            }
            long t2 = System.nanoTime();
            audit[r] = (t1 - t0) / 1e3 / burst;
            floor[r] = (t2 - t1) / 1e3 / burst;
            ratio[r] = floor[r] / audit[r];
        }
        return summary(ratio, audit, floor);
    }

    /** Two-thread audits per second over one-thread audits per second, {@code millis} of each per round. */
    public static Result threads(int rounds, int millis, int warmUp) throws Exception {
        AuditBench bench = setUp();
        AuditBench.Cursor first = new AuditBench.Cursor();
        AuditBench.Cursor second = new AuditBench.Cursor();
        for (int i = 0; i < warmUp; i++) {
            sink = bench.auditOneThread(first);
        }
        long span = TimeUnit.MILLISECONDS.toNanos(millis);
        double[] ratio = new double[rounds];
        double[] one = new double[rounds];
        double[] two = new double[rounds];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                long n = 0;
                while (System.nanoTime() - t0 < span) {
                    sink = bench.auditOneThread(first);
                    n++;
                }
                one[r] = n / ((System.nanoTime() - t0) / 1e9);
                AtomicLong done = new AtomicLong();
                long t1 = System.nanoTime();
                long end = t1 + span;
                Future<?> a = pool.submit(() -> done.addAndGet(until(end, bench, first)));
                Future<?> b = pool.submit(() -> done.addAndGet(until(end, bench, second)));
                a.get();
                b.get();
                two[r] = done.get() / ((System.nanoTime() - t1) / 1e9);
                ratio[r] = two[r] / one[r];
            }
        } finally {
            pool.shutdownNow();
        }
        return summary(ratio, one, two);
    }

    private static long until(long end, AuditBench bench, AuditBench.Cursor cursor) {
        long n = 0;
        while (System.nanoTime() < end) {
            sink = bench.auditTwoThreads(cursor);
            n++;
        }
        return n;
    }

    private static AuditBench setUp() {
        AuditBench bench = new AuditBench();
        bench.setup();
        return bench;
    }

    private static Result summary(double[] ratio, double[] a, double[] b) {
        Arrays.sort(ratio);
        Arrays.sort(a);
        Arrays.sort(b);
        int n = ratio.length;
        return new Result(ratio[n / 2], ratio[n / 4], ratio[3 * n / 4], a[n / 2], b[n / 2]);
    }
}
