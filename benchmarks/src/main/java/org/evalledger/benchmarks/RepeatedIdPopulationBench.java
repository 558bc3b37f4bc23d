package org.evalledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.ModelScores;
import org.evalledger.anomaly.Population;
import org.evalledger.anomaly.Score;
import org.evalledger.anomaly.Transition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A table that lists one model id many times at one size (as {@link Population#ofTable} keeps a
 * table's rows), and as many fine-tunes naming it as their parent: S1 takes every row of that id out
 * of its own window, and S3 finds the parent's representative row, once per id rather than once per
 * row (twenty-first step of docs/performance.md: 30 s for 20,000 rows of one id before).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepeatedIdPopulationBench {
    @Param({"2000", "20000"})
    public int rows;

    private List<ModelScores> table;

    @Setup
    public void table() {
        Random r = new Random(3);
        table = new ArrayList<>(2 * rows);
        for (int i = 0; i < 2 * rows; i++) {
            ModelScores.Builder b = ModelScores.builder(i < rows ? "org/base" : "org/child-" + i).parameters(7_000_000_000L);
            if (i >= rows) {
                b.parent("org/base").transition(Transition.FINETUNE);
            }
            for (String benchmark : Fixtures.SIX) {
                b.score(benchmark, Score.proportion(Math.round((0.5 + 0.1 * r.nextGaussian()) * 1000) / 1000.0));
            }
            table.add(b.build());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnomalyDetector fit() {
        return AnomalyDetector.fit(Population.ofTable(table));
    }
}
