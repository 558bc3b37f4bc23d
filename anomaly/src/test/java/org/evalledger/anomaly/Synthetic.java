package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Populations built by the tests: models whose benchmarks all follow one latent ability, with a
 * little noise, so that what a detector should see is known.
 */
final class Synthetic {
    private Synthetic() {}

    /** A row of percentages on these benchmarks. */
    static ModelScores row(String id, Long params, String[] benchmarks, double... percent) {
        ModelScores.Builder b = ModelScores.builder(id).parameters(params);
        for (int i = 0; i < benchmarks.length; i++) {
            b.score(benchmarks[i], Score.percent(percent[i]));
        }
        return b.build();
    }

    /**
     * {@code n} models of 7B parameters on mmlu, hellaswag, arc_challenge and winogrande: ability a ~
     * U(0, 1), each score = chance + (ceiling − chance)·a + noise of sd 1.5 points, two decimals.
     */
    static List<ModelScores> population(int n, long seed) {
        Random r = new Random(seed);
        List<ModelScores> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble();
            out.add(ModelScores.builder("org/model-" + i).parameters(7_000_000_000L)
                    .score("mmlu", Score.percent(round(30 + 40 * a + 1.5 * r.nextGaussian())))
                    .score("hellaswag", Score.percent(round(45 + 40 * a + 1.5 * r.nextGaussian())))
                    .score("arc_challenge", Score.percent(round(35 + 35 * a + 1.5 * r.nextGaussian())))
                    .score("winogrande", Score.percent(round(60 + 25 * a + 1.5 * r.nextGaussian())))
                    .build());
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
