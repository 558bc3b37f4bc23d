package org.evalledger.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HuberRegressionTest {

    @Test
    void recoversAnExactLine() {
        int n = 20;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 + 3 * i;
        }
        double[] b = HuberRegression.fit(x, n, 1, y, 1.345);
        assertEquals(2, b[0], 1e-6);
        assertEquals(3, b[1], 1e-6);
    }

    @Test
    void anOutlierBarelyMovesTheFitWhileItDragsLeastSquares() {
        int n = 21;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 + 3 * i + ((i % 3) - 1) * 0.5; // small symmetric noise
        }
        y[20] += 200; // one contaminated row at the end, where it has most leverage
        double[] ols = LinearSolverTest.ols(x, y);
        double[] huber = HuberRegression.fit(x, n, 1, y, 1.345);
        assertTrue(Math.abs(ols[1] - 3) > 2, "least squares slope " + ols[1]);
        assertEquals(3, huber[1], 0.1);
        assertEquals(2, huber[0], 1.0);
    }

    @Test
    void withoutPredictorsItIsARobustLocation() {
        double[] y = {1, 2, 3, 4, 1000};
        double[] b = HuberRegression.fit(new double[0], 5, 0, y, 1.345);
        assertTrue(b[0] > 2 && b[0] < 5, "location " + b[0]);
    }

    @Test
    void collinearPredictorsGiveAFiniteFit() {
        int n = 10;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = i; // the same column twice
            y[i] = 1 + i;
        }
        double[] b = HuberRegression.fit(x, n, 2, y, 1.345);
        assertEquals(1, b[1] + b[2], 1e-6);
        assertTrue(Double.isFinite(b[0]));
    }

    @Test
    void refusesFewerRowsThanCoefficients() {
        assertThrows(IllegalArgumentException.class, () -> HuberRegression.fit(new double[] {1}, 1, 1, new double[] {1}, 1.345));
    }
}
