package org.evalledger.anomaly;

import java.util.Locale;

/**
 * Fixed-point text of a double with a given number of decimals, exactly as
 * {@code String.format(Locale.ROOT, "%.Nf", v)} (or {@code "%+.Nf"}) writes it, without the cost of
 * {@link java.util.Formatter}.
 *
 * <p>The Formatter rounds half up the decimal digits of the double (a decimal within half an ulp of
 * it). When the value times 10^N is far from a rounding tie, every such decimal rounds to the same
 * integer as the value itself, so ordinary arithmetic gives the Formatter's digits. Values within
 * {@link #MARGIN} of a tie (0.125, 2.675, 0.005 at two decimals), magnitudes of 10^9 and more once
 * scaled, NaN and the infinities are left to {@code String.format} itself, so the text is the
 * Formatter's in every case.
 */
final class Fixed {
    /** 10^N for the supported decimals N = 0..4. */
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000};
    /**
     * Scaled magnitudes below this are handled here: the product |v|·10^N is then off by less than
     * 1.2e-7 and the digits the Formatter starts from differ from v·10^N by less than 2.3e-7.
     */
    private static final double LIMIT = 1e9;
    /** How far from a tie the scaled magnitude must be to be rounded here (well above the errors above). */
    private static final double MARGIN = 1e-6;

    private Fixed() {}

    /** {@code String.format(Locale.ROOT, "%.Nf", v)} for N = {@code decimals} (0 to 4). */
    static String format(double v, int decimals) {
        return format(v, decimals, false);
    }

    /**
     * {@code String.format(Locale.ROOT, plus ? "%+.Nf" : "%.Nf", v)} for N = {@code decimals} (0 to 4).
     *
     * @throws ArrayIndexOutOfBoundsException when decimals is outside 0 to 4
     */
    static String format(double v, int decimals, boolean plus) {
        long unit = POW10[decimals];
        double x = Math.abs(v) * unit; // exact enough below LIMIT, see there
        double floor = Math.floor(x);
        double frac = x - floor; // exact: floor is 0 or at least half of x
        if (!(x < LIMIT) || Math.abs(frac - 0.5) < MARGIN) { // !(x < LIMIT) also holds for NaN
            return String.format(Locale.ROOT, (plus ? "%+." : "%.") + decimals + "f", v);
        }
        long n = (long) floor + (frac > 0.5 ? 1 : 0);
        StringBuilder sb = new StringBuilder(24);
        if (Double.compare(v, 0.0) < 0) { // as the Formatter decides the sign: -0.0 and -0.001 print "-0.00"
            sb.append('-');
        } else if (plus) {
            sb.append('+');
        }
        sb.append(n / unit);
        if (decimals > 0) {
            sb.append('.');
            String fraction = Long.toString(n % unit);
            for (int i = fraction.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        return sb.toString();
    }
}
