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

    /**
     * The inverse of a symmetric positive semi-definite q×q matrix, column by column with
     * {@link #solveSymmetric}, stored column-major: column j at [j·q, j·q + q), so that a column is
     * read from consecutive memory (the inverse is symmetric: up to rounding this is its row-major
     * form too). This is the layout {@link #leaveOut} takes.
     */
    public static double[] inverseSymmetric(double[] a, int q) {
        double[] inverse = new double[q * q];
        for (int col = 0; col < q; col++) {
            double[] unit = new double[q];
            unit[col] = 1;
            System.arraycopy(solveSymmetric(a, unit, q), 0, inverse, col * q, q);
        }
        return inverse;
    }

    /**
     * A least-squares solution b (q coefficients) with the coefficients at {@code out} left out,
     * from the inverse of its normal matrix: b' = b − inv[·, D]·inv[D, D]⁻¹·b_D, the solution of the
     * same (weighted) normal equations without those columns. It is the same as predicting with b
     * after imputing the left-out predictors from the others by their own least-squares regression.
     *
     * @param inverse the q×q inverse normal matrix, column-major as {@link #inverseSymmetric} gives it
     * @param out the indices into b to leave out (their coefficients become 0)
     * @param rss holds the residual sum of squares of b; receives that of b', larger by b_Dᵀ·inv[D, D]⁻¹·b_D
     */
    public static double[] leaveOut(double[] inverse, double[] b, int[] out, double[] rss) {
        int q = b.length;
        int d = out.length;
        double[] sub = new double[d * d];
        double[] bd = new double[d];
        for (int u = 0; u < d; u++) {
            bd[u] = b[out[u]];
            for (int v = 0; v < d; v++) {
                sub[u * d + v] = inverse[out[v] * q + out[u]]; // row out[u] of column out[v]
            }
        }
        double[] g = solveSymmetric(sub, bd, d);
        double[] reduced = b.clone();
        for (int k = 0; k < q; k++) {
            for (int u = 0; u < d; u++) {
                reduced[k] -= inverse[out[u] * q + k] * g[u]; // row k of column out[u]
            }
        }
        double extra = 0;
        for (int u = 0; u < d; u++) {
            reduced[out[u]] = 0;
            extra += bd[u] * g[u];
        }
        rss[0] += extra;
        return reduced;
    }
}
