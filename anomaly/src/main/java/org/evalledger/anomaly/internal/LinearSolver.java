package org.evalledger.anomaly.internal;

/** Small dense linear algebra for the regressions. Stateless and thread-safe. */
public final class LinearSolver {
    private LinearSolver() {}

    /**
     * Solves A·x = c for a symmetric positive semi-definite q×q matrix A (row-major) by Cholesky
     * factorisation, adding a tiny ridge (1e-10 of the mean diagonal) so that collinear predictors
     * (two benchmarks that move together exactly) give a finite answer instead of an exception.
     * A and c are not modified.
     */
    public static double[] solveSymmetric(double[] a, double[] c, int q) {
        double trace = 0;
        for (int i = 0; i < q; i++) {
            trace += a[i * q + i];
        }
        double ridge = Math.max(1e-10 * trace / q, 1e-300);
        double[] l = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * q + j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i * q + k] * l[j * q + k];
                }
                if (i == j) {
                    l[i * q + i] = Math.sqrt(Math.max(s, ridge));
                } else {
                    l[i * q + j] = s / l[j * q + j];
                }
            }
        }
        double[] z = new double[q];
        for (int i = 0; i < q; i++) {
            double s = c[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * q + k] * z[k];
            }
            z[i] = s / l[i * q + i];
        }
        double[] x = new double[q];
        for (int i = q - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < q; k++) {
                s -= l[k * q + i] * x[k];
            }
            x[i] = s / l[i * q + i];
        }
        return x;
    }
}
