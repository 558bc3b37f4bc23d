package org.evalledger.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** One short iteration of every benchmark at its smallest size, so that they cannot rot. Measures nothing. */
class BenchmarksSmokeTest {
    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        Options opt = new OptionsBuilder().include("org\\.evalledger\\.benchmarks\\..*Bench\\..*")
                .param("models", "1000").param("results", "6").param("entries", "2000").param("rows", "2000")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(opt).run();
        assertFalse(results.isEmpty());
    }

    @Test
    void theInterleavedProbesRunOnce() throws Exception {
        InterleavedAudit.Result floor = InterleavedAudit.floor(2, 5, 5);
        InterleavedAudit.Result threads = InterleavedAudit.threads(2, 20, 5);
        assertTrue(floor.median() > 0 && threads.median() > 0, floor + " / " + threads);
    }
}
