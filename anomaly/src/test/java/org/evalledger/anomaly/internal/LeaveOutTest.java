package org.evalledger.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Leaving predictors out of a weighted least-squares fit through its inverse normal matrix gives the
 * fit on the remaining predictors with the same weights, and that fit's weighted residual sum of squares.
 */
class LeaveOutTest {

    @Property(tries = 200)
    void leavingPredictorsOutMatchesFittingWithoutThem(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int p,
            @ForAll @IntRange(min = 1, max = 2) int dropped) {
        Random r = new Random(seed);
        int rows = 60;
        double[] x = new double[rows * p];
        double[] y = new double[rows];
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            double common = r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i * p + j] = common + 0.7 * r.nextGaussian(); // correlated predictors, like benchmarks
            }
            y[i] = 0.3 + common + 0.5 * r.nextGaussian();
            w[i] = r.nextBoolean() ? 1 : 0.2 + 0.8 * r.nextDouble(); // Huber-like weights
        }
        int q = p + 1;
        double[] a = new double[q * q];
        double[] c = new double[q];
        HuberRegression.normalEquations(x, rows, p, y, w, a, c);
        double[] b = LinearSolver.solveSymmetric(a, c, q);
        double[] inverse = LinearSolver.inverseSymmetric(a, q);
        int[] out = dropped == 1 || p < 3 ? new int[] {1 + r.nextInt(p)} : new int[] {1, p};
        double[] rss = {weightedRss(x, rows, p, y, w, b)};
        double[] reduced = LinearSolver.leaveOut(inverse, b, out, rss);

        // the straightforward way: the design without those columns, solved again
        int kept = p - out.length;
        double[] xs = new double[rows * kept];
        int[] keep = new int[kept];
        for (int j = 1, n = 0; j <= p; j++) {
            if (j != out[0] && (out.length < 2 || j != out[1])) {
                keep[n++] = j;
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < kept; k++) {
                xs[i * kept + k] = x[i * p + keep[k] - 1];
            }
        }
        double[] as = new double[(kept + 1) * (kept + 1)];
        double[] cs = new double[kept + 1];
        HuberRegression.normalEquations(xs, rows, kept, y, w, as, cs);
        double[] direct = LinearSolver.solveSymmetric(as, cs, kept + 1);
        assertEquals(direct[0], reduced[0], 1e-8);
        for (int k = 0; k < kept; k++) {
            assertEquals(direct[k + 1], reduced[keep[k]], 1e-8);
        }
        for (int o : out) {
            assertEquals(0, reduced[o]);
        }
        assertEquals(weightedRss(xs, rows, kept, y, w, direct), rss[0], 1e-7);
    }

    private static double weightedRss(double[] x, int rows, int p, double[] y, double[] w, double[] b) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            double e = y[i] - HuberRegression.predict(x, i * p, p, b);
            s += w[i] * e * e;
        }
        return s;
    }
}
