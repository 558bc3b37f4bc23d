package org.evalledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.ModelScores;
import org.evalledger.anomaly.Population;
import org.evalledger.anomaly.Score;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A sparse population, as a hub gathers from many harnesses: rows × 50 benchmarks, each row holding
 * each benchmark with probability one half, so that rows share few sets of benchmarks. The first
 * check of a row with all 50 fits S2's 50 regressions for that set, each dropping predictors until
 * enough population rows have the rest (about 11 of 49 here): the case where counting those rows
 * once cost minutes (twenty-first step of docs/performance.md).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparsePopulationBench {
    @Param({"10000", "100000"})
    public int rows;

    private List<ModelScores> table;
    private ModelScores full;
    private AnomalyDetector detector;

    @Setup(Level.Trial)
    public void table() {
        Random r = new Random(11);
        table = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            table.add(row(r, "org/sparse-" + i, 0.5));
        }
        full = row(r, "upload/full", 1.0);
    }

    /** A fresh detector for each first check (its regressions are cached once fitted). */
    @Setup(Level.Invocation)
    public void fit() {
        detector = AnomalyDetector.fit(Population.ofTable(table));
    }

    /** The first check of a row with every benchmark: S2 fits its set's 50 regressions. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnomalyReport firstCheckOfAFullRow() {
        return detector.check(full);
    }

    private static ModelScores row(Random r, String id, double coverage) {
        long params = Math.round(Math.pow(10, 9 + 2 * r.nextDouble()));
        double skill = r.nextGaussian();
        ModelScores.Builder b = ModelScores.builder(id).parameters(params);
        for (int k = 0; k < 50; k++) {
            if (k == 0 || r.nextDouble() < coverage) {
                double p = Math.min(0.99, Math.max(0.01, 0.5 + 0.12 * skill + 0.03 * r.nextGaussian()));
                b.score("bench_" + k, Score.proportion(Math.round(p * 1000) / 1000.0));
            }
        }
        return b.build();
    }
}
