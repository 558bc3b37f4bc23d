package org.evalledger.anomaly.internal;

import java.util.Arrays;

/**
 * Plain robust statistics, hand-written: median, MAD, modified z (Iglewicz–Hoaglin), logit,
 * binomial standard error. Stateless and thread-safe; no method modifies its argument.
 */
public final class Stats {
    /** The consistency constant of the modified z: 0.6745 ≈ Φ⁻¹(0.75). */
    public static final double MODIFIED_Z = 0.6745;

    private Stats() {}

    /** The median of the first {@code n} values (the mean of the two middle ones for even n); NaN for none. */
    public static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOf(values, n);
        return medianInPlace(v, n);
    }

    /** The median of all values; NaN for none. */
    public static double median(double[] values) {
        return median(values, values.length);
    }

    /** The median of the first {@code n} values, reordering them (no copy). */
    public static double medianInPlace(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double hi = select(v, 0, n - 1, mid);
        if (n % 2 == 1) {
            return hi;
        }
        double lo = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mid; i++) { // after select, v[0..mid) holds the values <= v[mid]
            lo = Math.max(lo, v[i]);
        }
        return (lo + hi) / 2;
    }

    /** The median absolute deviation from {@code center} of the first {@code n} values (unscaled); NaN for none. */
    public static double mad(double[] values, int n, double center) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.abs(values[i] - center);
        }
        return medianInPlace(d, n);
    }

    /** The modified z of x: 0.6745 · (x − median) / MAD. */
    public static double modifiedZ(double x, double median, double mad) {
        return MODIFIED_Z * (x - median) / mad;
    }

    /** log(p / (1 − p)). */
    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** 1 / (1 + e^−x). */
    public static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The binomial standard error √(p(1 − p)/n) of a proportion p over n items. */
    public static double binomialSe(double p, double n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    /** Hoare's selection: puts the k-th smallest of v[lo..hi] at index k, smaller ones before it. */
    private static double select(double[] v, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = median3(v[lo], v[(lo + hi) >>> 1], v[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
