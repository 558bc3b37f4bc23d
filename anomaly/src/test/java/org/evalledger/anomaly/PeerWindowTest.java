package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.evalledger.anomaly.internal.Stats;

/**
 * S1's window tables, computed at fit by one sweep per benchmark, give for every candidate the
 * median and MAD of exactly its S1 peer set, bit for bit: the population's sized, non-broken rows
 * of other model ids that have the benchmark and whose log10(parameters) lies within ±0.15 of the
 * candidate's, taken here one by one and handed to {@link Stats}. Populations are drawn with ties in
 * size and in score, rows without a size (null or 0), rows without some benchmarks, and model ids
 * that repeat (at one size or at several), and populations where every row has every benchmark (the
 * columns then share one layout); candidates are every population row, new model ids, and known ids
 * at new sizes.
 */
class PeerWindowTest {
    private static final String[] BENCHMARKS = {"arc_challenge", "hellaswag", "mmlu"};
    private static final double W = 0.15;

    @Property(tries = 200)
    void windowTablesEqualTheStraightforwardPeerStatistics(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int rows,
            @ForAll @IntRange(min = 1, max = 40) int ids, @ForAll @IntRange(min = 1, max = 300) int sizes,
            @ForAll @IntRange(min = 1, max = 200) int values, @ForAll boolean complete) {
        Random r = new Random(seed);
        long[] sizePool = new long[sizes];
        for (int i = 0; i < sizes; i++) {
            sizePool[i] = Math.round(Math.pow(10, 8 + 1.2 * r.nextDouble())); // over a decade or so: windows overlap
        }
        List<ModelScores> population = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            population.add(row(r, "org/m" + r.nextInt(ids), sizePool, values, complete));
        }
        boolean[] excluded = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            excluded[i] = r.nextInt(10) == 0; // as R4 leaves broken runs out
        }
        PeerCheck s1 = new PeerCheck(population, excluded, W);
        List<ModelScores> candidates = new ArrayList<>(population);
        for (int i = 0; i < 20; i++) {
            String id = r.nextBoolean() ? "new/m" + r.nextInt(5) : "org/m" + r.nextInt(ids); // a known id at any size
            candidates.add(row(r, id, r.nextBoolean() ? sizePool : new long[] {1 + r.nextInt(2_000_000_000)}, values, false));
        }
        for (ModelScores c : candidates) {
            for (String b : BENCHMARKS) {
                double[] got = s1.peerStats(c, b);
                if (!c.hasSize()) {
                    assertNull(got);
                    continue;
                }
                double[] want = straightforward(population, excluded, c, b);
                String what = c + " on " + b;
                assertEquals(want[2], got[2], () -> "peers of " + what);
                assertEquals(Double.doubleToLongBits(want[0]), Double.doubleToLongBits(got[0]), () -> "median of " + what);
                assertEquals(Double.doubleToLongBits(want[1]), Double.doubleToLongBits(got[1]), () -> "MAD of " + what);
            }
        }
    }

    /** A row; with {@code complete}, one with every benchmark (columns that hold every sized row share their layout). */
    private static ModelScores row(Random r, String id, long[] sizePool, int values, boolean complete) {
        int kind = r.nextInt(12);
        Long params = kind == 0 ? null : kind == 1 ? 0L : sizePool[r.nextInt(sizePool.length)];
        ModelScores.Builder b = ModelScores.builder(id).parameters(params);
        for (String bench : BENCHMARKS) {
            if (complete || r.nextInt(6) != 0) {
                b.score(bench, Score.proportion(0.3 + r.nextInt(values) / 1000.0));
            }
        }
        return b.build();
    }

    /** The S1 rule taken literally: every eligible row of another model id within ±W, then Stats. */
    private static double[] straightforward(List<ModelScores> population, boolean[] excluded, ModelScores c, String b) {
        double l = Math.log10(c.parameters());
        double[] peers = new double[population.size()];
        int n = 0;
        for (int i = 0; i < population.size(); i++) {
            ModelScores m = population.get(i);
            Score s = m.scores().get(b);
            if (excluded[i] || !m.hasSize() || s == null || m.modelId().equals(c.modelId())) {
                continue;
            }
            double ls = Math.log10(m.parameters());
            if (ls >= l - W && ls <= l + W) {
                peers[n++] = s.points();
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        double med = Stats.median(peers, n);
        return new double[] {med, Stats.mad(peers, n, med), n};
    }
}
