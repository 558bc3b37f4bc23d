package org.evalledger.anomaly;

import org.evalledger.anomaly.internal.LinearSolver;

/**
 * ANOMALY.md's leave-one-benchmark-out predictor, for the quality report: standardise the
 * predictor columns on the training rows, take the first k principal components (eigenvectors of
 * their correlation matrix, by Jacobi rotations), regress the target on the component scores by
 * ordinary least squares, and predict.
 */
final class Pca {
    private Pca() {}

    /**
     * Predicts the target of one row.
     *
     * @param train training predictors, rows × p
     * @param target training targets
     * @param row the predictors of the row to predict
     * @param k number of components
     */
    static double predict(double[][] train, double[] target, double[] row, int k) {
        int n = train.length;
        int p = row.length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] r : train) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : train) {
            for (int j = 0; j < p; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / (n - 1);
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (train[i][j] - mean[j]) / sd[j];
            }
        }
        double[][] cov = new double[p][p];
        for (double[] r : z) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += r[a] * r[b] / (n - 1);
                }
            }
        }
        double[][] vectors = eigenvectorsByValue(cov);
        // component scores, then OLS of the target on [1, scores]
        int q = k + 1;
        double[] ata = new double[q * q];
        double[] aty = new double[q];
        for (int i = 0; i < n; i++) {
            double[] x = scores(z[i], vectors, k);
            for (int a = 0; a < q; a++) {
                aty[a] += x[a] * target[i];
                for (int b = 0; b < q; b++) {
                    ata[a * q + b] += x[a] * x[b];
                }
            }
        }
        double[] beta = LinearSolver.solveSymmetric(ata, aty, q);
        double[] zr = new double[p];
        for (int j = 0; j < p; j++) {
            zr[j] = (row[j] - mean[j]) / sd[j];
        }
        double[] x = scores(zr, vectors, k);
        double y = 0;
        for (int a = 0; a < q; a++) {
            y += beta[a] * x[a];
        }
        return y;
    }

    private static double[] scores(double[] z, double[][] vectors, int k) {
        double[] x = new double[k + 1];
        x[0] = 1;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < z.length; j++) {
                x[c + 1] += z[j] * vectors[c][j];
            }
        }
        return x;
    }

    /** Eigenvectors of a symmetric matrix, largest eigenvalue first (cyclic Jacobi). */
    static double[][] eigenvectorsByValue(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = m[i].clone();
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (Math.abs(a[i][j]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < p; k++) {
                        double aik = a[i][k];
                        double ajk = a[j][k];
                        a[i][k] = c * aik - s * ajk;
                        a[j][k] = s * aik + c * ajk;
                    }
                    for (int k = 0; k < p; k++) {
                        double aki = a[k][i];
                        double akj = a[k][j];
                        a[k][i] = c * aki - s * akj;
                        a[k][j] = s * aki + c * akj;
                    }
                    for (int k = 0; k < p; k++) {
                        double vki = v[k][i];
                        double vkj = v[k][j];
                        v[k][i] = c * vki - s * vkj;
                        v[k][j] = s * vki + c * vkj;
                    }
                }
            }
        }
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[][] out = new double[p][p];
        for (int c = 0; c < p; c++) {
            for (int j = 0; j < p; j++) {
                out[c][j] = v[j][order[c]];
            }
        }
        return out;
    }
}
