package org.evalledger.anomaly;

/**
 * R2: a score of a {@code count} benchmark (never a result with subtasks) must be k/n for its item
 * count n, to the precision it is reported with: 87.46 (percent, two decimals) passes when some
 * k/n·100 lies within 0.005 of it. The precision is the most decimals any score of the row shows,
 * since a trailing zero is lost in a number (a row of 87.46 and 45.3 reports 45.30).
 */
final class AttainableCheck {
    private AttainableCheck() {}

    static void run(Check c) {
        int rowDecimals = -1; // the row's precision, found when a score first needs it
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Score s = c.scores[k];
            Benchmark entry = c.entries[k];
            if (entry == null) {
                c.skip(DetectorId.R2, () -> b + ": not in the catalogue, so whether its score is k/n is unknown");
                continue;
            }
            if (entry.kind() != ScoreKind.COUNT || s.grouped()) {
                continue; // a mean over subtasks or metrics is not k/n: R2 does not apply
            }
            Long n = c.items(k);
            if (n == null) {
                c.skip(DetectorId.R2, () -> b + ": no item count");
                continue;
            }
            double full = s.unit() == org.evalledger.core.MetricUnit.PROPORTION ? 1 : 100;
            if (s.value() < 0 || s.value() > full) {
                continue; // R1 reports it
            }
            // Within the binary rounding of k/n alone, a score passes at any precision: so a score that is
            // some k/n as a double (a harness's full-precision output) needs no decimals found for it
            if (attainableWithin(s.value(), full, n, roundingOfK(full))) {
                continue;
            }
            if (rowDecimals < 0) {
                rowDecimals = rowDecimals(c);
            }
            long nearest = nearestK(s.value(), full, n);
            if (!attainableAt(s.value(), full, n, rowDecimals)) { // rowDecimals >= the score's own decimals
                double x = s.points();
                double closest = 100.0 * nearest / n;
                c.flag(DetectorId.R2, b, c.metric(k), x, Expected.point(closest), null,
                        () -> b + " " + Check.fmt(x) + " is not k/" + n + " at its reported precision (nearest "
                                + nearest + "/" + n + " = " + Fixed.format(closest, 4)
                                + "): not a count of correct items");
            }
        }
    }

    /** The most decimals any score of the row shows. */
    private static int rowDecimals(Check c) {
        int d = 0;
        for (Score s : c.scores) {
            d = Math.max(d, decimals(s.value()));
        }
        return d;
    }

    /** Digits after the decimal point in the shortest text of the value (45.3 → 1, 87.46 → 2). */
    static int decimals(double value) {
        return ReportedDecimal.decimals(value);
    }

    /**
     * Whether some k/n·full lies within half a unit of the value's last reported decimal. A value
     * shows fewer decimals than it was reported with when it ends in zeros (45.30 reads as 45.3), so
     * the precision is the larger of its own and {@code atLeastDecimals}: the most decimals any score
     * of the same row shows.
     */
    static boolean attainable(double value, double full, long n, int atLeastDecimals) {
        return attainableAt(value, full, n, Math.max(decimals(value), atLeastDecimals));
    }

    /** Whether some k/n·full lies within half a unit of the given last decimal of the value. */
    private static boolean attainableAt(double value, double full, long n, int decimals) {
        return attainableWithin(value, full, n, 0.5 * Math.pow(10, -decimals) + roundingOfK(full));
    }

    /** What the binary rounding of k/n·full may add to a distance from it. */
    private static double roundingOfK(double full) {
        return 16 * Math.ulp(full);
    }

    /** Whether some k/n·full lies within the tolerance of the value. */
    private static boolean attainableWithin(double value, double full, long n, double tolerance) {
        long k = nearestK(value, full, n);
        for (long kk = Math.max(0, k - 1); kk <= Math.min(n, k + 1); kk++) {
            if (Math.abs(full * kk / n - value) <= tolerance) {
                return true;
            }
        }
        return false;
    }

    private static long nearestK(double value, double full, long n) {
        return Math.max(0, Math.min(n, Math.round(value / full * n)));
    }
}
