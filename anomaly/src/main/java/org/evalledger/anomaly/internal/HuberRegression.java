package org.evalledger.anomaly.internal;

/**
 * Linear regression with an intercept under Huber's loss, by iteratively reweighted least squares:
 * start from ordinary least squares; then, with the residual scale s = 1.4826 · MAD, give each row
 * the weight min(1, k·s/|r|) and solve the weighted normal equations again, until the coefficients
 * settle. Rows far off the fit pull it with bounded force, so a few contaminated models cannot bend
 * the population's regression. Stateless and thread-safe.
 */
public final class HuberRegression {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    private HuberRegression() {}

    /**
     * Fits y ≈ b0 + Σ b_j · x_j.
     *
     * @param x row-major predictors: row i's predictor j at {@code x[i * p + j]}
     * @param rows number of rows
     * @param p number of predictors (0 gives the Huber location of y)
     * @param y responses, {@code rows} of them
     * @param k Huber's tuning constant (1.345 for 95% efficiency under normal errors)
     * @return {@code [b0, b1, ..., bp]}
     * @throws IllegalArgumentException when there are fewer rows than coefficients
     */
    public static double[] fit(double[] x, int rows, int p, double[] y, double k) {
        return fit(x, rows, p, y, k, new double[rows]);
    }

    /**
     * The same, also handing out the row weights of the last weighted least-squares solve: the
     * coefficients are the exact weighted least-squares solution for those weights.
     *
     * @param weights receives the {@code rows} weights
     */
    public static double[] fit(double[] x, int rows, int p, double[] y, double k, double[] weights) {
        if (rows < p + 1) {
            throw new IllegalArgumentException("need at least " + (p + 1) + " rows for " + p + " predictors, got " + rows);
        }
        double[] w = weights;
        java.util.Arrays.fill(w, 0, rows, 1);
        double[] b = weightedLeastSquares(x, rows, p, y, w);
        double[] r = new double[rows];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            residuals(x, rows, p, y, b, r);
            double med = Stats.median(r, rows);
            double s = 1.4826 * Stats.mad(r, rows, med);
            if (!(s > 0)) {
                break; // (almost) all rows on the fit: nothing to down-weight
            }
            for (int i = 0; i < rows; i++) {
                double a = Math.abs(r[i]);
                w[i] = a <= k * s ? 1 : k * s / a;
            }
            double[] next = weightedLeastSquares(x, rows, p, y, w);
            double change = 0;
            for (int j = 0; j <= p; j++) {
                change = Math.max(change, Math.abs(next[j] - b[j]));
            }
            b = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return b;
    }

    /** r_i = y_i − (b0 + Σ b_j x_ij). */
    public static void residuals(double[] x, int rows, int p, double[] y, double[] b, double[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = y[i] - predict(x, i * p, p, b);
        }
    }

    /** b0 + Σ b_j · x[offset + j]. */
    public static double predict(double[] x, int offset, int p, double[] b) {
        double s = b[0];
        for (int j = 0; j < p; j++) {
            s += b[j + 1] * x[offset + j];
        }
        return s;
    }

    private static double[] weightedLeastSquares(double[] x, int rows, int p, double[] y, double[] w) {
        int q = p + 1;
        double[] a = new double[q * q];
        double[] c = new double[q];
        normalEquations(x, rows, p, y, w, a, c);
        return LinearSolver.solveSymmetric(a, c, q);
    }

    /**
     * The weighted normal equations of y ≈ b0 + Σ b_j · x_j: a = Σ w_i·r_i·r_iᵀ with r_i = (1, x_i)
     * ((p+1)×(p+1), row-major) and c = Σ w_i·y_i·r_i, added to what a and c hold.
     */
    public static void normalEquations(double[] x, int rows, int p, double[] y, double[] w, double[] a, double[] c) {
        int q = p + 1;
        double[] row = new double[q];
        row[0] = 1;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * p, row, 1, p);
            double wi = w[i];
            for (int j = 0; j < q; j++) {
                double wj = wi * row[j];
                c[j] += wj * y[i];
                for (int l = j; l < q; l++) {
                    a[j * q + l] += wj * row[l];
                }
            }
        }
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < j; l++) {
                a[j * q + l] = a[l * q + j];
            }
        }
    }
}
