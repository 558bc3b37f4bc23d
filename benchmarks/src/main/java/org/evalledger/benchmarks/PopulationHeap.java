package org.evalledger.benchmarks;

import java.util.List;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.ModelScores;
import org.evalledger.anomaly.Population;

/**
 * How much heap a fitted reference population holds (issue 7: "memory grows linearly"): fits a
 * generated table of 10,000 and 100,000 models × 20 benchmarks and prints the fit time and the heap
 * in use after full collections, before and after.
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar org.evalledger.benchmarks.PopulationHeap}
 */
public final class PopulationHeap {
    private PopulationHeap() {}

    private static long used() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) {
        for (int n : new int[] {10_000, 100_000}) {
            long base = used();
            List<ModelScores> rows = Fixtures.table(n, 20, 7L);
            long start = System.nanoTime();
            AnomalyDetector detector = AnomalyDetector.fit(Population.ofTable(rows));
            double seconds = (System.nanoTime() - start) / 1e9;
            long held = used() - base;
            System.out.printf("%,d models x 20 benchmarks: fit %.1f s, heap held by the table, population and detector %,d MB%n",
                    n, seconds, held >> 20);
            if (detector.population().models().size() != n) {
                throw new IllegalStateException("the population lost rows");
            }
        }
    }
}
