package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void eigenvectorsSatisfyTheirEquationLargestFirst() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        double[][] v = Pca.eigenvectorsByValue(m);
        double previous = Double.POSITIVE_INFINITY;
        for (double[] vec : v) {
            double[] mv = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    mv[i] += m[i][j] * vec[j];
                }
            }
            double lambda = mv[0] * vec[0] + mv[1] * vec[1] + mv[2] * vec[2];
            for (int i = 0; i < 3; i++) {
                assertEquals(lambda * vec[i], mv[i], 1e-9);
            }
            assertEquals(1, vec[0] * vec[0] + vec[1] * vec[1] + vec[2] * vec[2], 1e-9);
            assertEquals(true, lambda <= previous);
            previous = lambda;
        }
    }

    @Test
    void predictsATargetThatIsALinearFunctionOfTheFirstComponent() {
        int n = 50;
        double[][] train = new double[n][3];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            double ability = i / 10.0;
            train[i] = new double[] {ability, 2 * ability + 1, -ability + ((i % 2) * 1e-3)};
            target[i] = 5 + 3 * ability;
        }
        assertEquals(5 + 3 * 2.5, Pca.predict(train, target, new double[] {2.5, 6, -2.5}, 1), 1e-2);
    }
}
