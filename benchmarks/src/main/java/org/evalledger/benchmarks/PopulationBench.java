package org.evalledger.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.evalledger.anomaly.AnomalyConfig;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.ModelScores;
import org.evalledger.anomaly.Population;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Fitting a population of models × 20 benchmarks, and scoring one row against it. */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PopulationBench {
    @Param({"1000", "10000", "100000"})
    public int models;

    private List<ModelScores> table;
    private List<ModelScores> uploads;
    private AnomalyDetector detector;
    private ExecutorService helper;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        table = Fixtures.table(models, 20, 7);
        uploads = Fixtures.table(10_000, 20, 8, "upload/model-");
        detector = AnomalyDetector.fit(Population.ofTable(table));
        detector.check(table.get(0));
        helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "population-bench-peers");
            t.setDaemon(true);
            return t;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        helper.shutdownNow();
    }

    /** Fit, including the 20 cross-benchmark regressions a full row needs (they are otherwise fitted on first use). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnomalyReport fit() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(table));
        return d.check(table.get(0));
    }

    /**
     * {@link #fit()} on two threads: S1's peer index on a helper thread while this one fits the rest
     * ({@link AnomalyDetector#fit(Population, AnomalyConfig, java.util.concurrent.Executor)}, as the
     * CLI fits its population).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnomalyReport fitTwoThreads() {
        AnomalyDetector d = AnomalyDetector.fit(Population.ofTable(table), AnomalyConfig.defaults(), helper);
        return d.check(table.get(0));
    }

    /** Scoring an upload of a model the population does not hold (all detectors): a hub's case. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AnomalyReport scoreUpload() {
        next = (next + 7919) % uploads.size();
        return detector.check(uploads.get(next));
    }

    /** Scoring one row of the population against it (all detectors; its own rows are left out of S1, exactly). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AnomalyReport score() {
        next = (next + 7919) % table.size();
        return detector.check(table.get(next));
    }
}
