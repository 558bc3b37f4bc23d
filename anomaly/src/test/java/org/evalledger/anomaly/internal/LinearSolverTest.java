package org.evalledger.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LinearSolverTest {

    /** Ordinary least squares of y on [1, x], through the solver. */
    static double[] ols(double[] x, double[] y) {
        double[] a = new double[4];
        double[] c = new double[2];
        for (int i = 0; i < x.length; i++) {
            a[0] += 1;
            a[1] += x[i];
            a[2] += x[i];
            a[3] += x[i] * x[i];
            c[0] += y[i];
            c[1] += x[i] * y[i];
        }
        return LinearSolver.solveSymmetric(a, c, 2);
    }

    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        // [[4, 2], [2, 3]] x = [10, 8]  ->  x = [1.75, 1.5]
        assertArrayEquals(new double[] {1.75, 1.5}, LinearSolver.solveSymmetric(new double[] {4, 2, 2, 3}, new double[] {10, 8}, 2), 1e-9);
    }

    @Test
    void leavesItsArgumentsAlone() {
        double[] a = {4, 2, 2, 3};
        double[] c = {10, 8};
        LinearSolver.solveSymmetric(a, c, 2);
        assertArrayEquals(new double[] {4, 2, 2, 3}, a);
        assertArrayEquals(new double[] {10, 8}, c);
    }
}
