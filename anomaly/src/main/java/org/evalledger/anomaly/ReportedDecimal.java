package org.evalledger.anomaly;

/**
 * The decimal a double is reported as: the digits of {@link Double#toString(double)}, read as an
 * exact decimal number. Gives what {@code new BigDecimal(Double.toString(v))} would, without
 * building one: the number of decimals it shows and its plain text.
 */
final class ReportedDecimal {
    private ReportedDecimal() {}

    /**
     * Digits after the decimal point of the value's shortest text, trailing zeros not counted, and
     * 0 for an integer: {@code max(0, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale())}
     * (45.3 → 1, 87.46 → 2, 1.0E-5 → 5, 120.0 → 0).
     *
     * @throws NumberFormatException when the value is NaN or infinite
     */
    static int decimals(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) ((bits ^ (bits >>> 32)) * 0x9E3779B97F4A7C15L >>> (Long.SIZE - CACHE_BITS));
        Known known = DECIMALS[slot];
        if (known != null && known.bits == bits) {
            return known.decimals;
        }
        int d = decimalsOf(value);
        DECIMALS[slot] = new Known(bits, d);
        return d;
    }

    /**
     * The decimals of recently seen values (scores repeat: a 3-decimal proportion has 1,001 values),
     * one per slot, by a hash of the bits. A slot holds an immutable pair, so a thread reads either
     * a whole pair or another thread's whole pair, never a mix: thread-safe without locks.
     */
    private static final int CACHE_BITS = 12;
    private static final Known[] DECIMALS = new Known[1 << CACHE_BITS];

    private record Known(long bits, int decimals) {}

    private static int decimalsOf(double value) {
        String s = finiteText(value);
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = s.indexOf('.');
        int start = s.charAt(0) == '-' ? 1 : 0;
        int last = lastNonZeroDigit(s, start, end);
        if (last < 0) {
            return 0; // zero
        }
        // the fraction digits up to the last non-zero one (negative when that one is left of the point), less the exponent
        int scale = (last > dot ? last - dot : last - dot + 1) - exponent;
        return Math.max(0, scale);
    }

    /**
     * The value times 10^{@code shift} as plain decimal text without trailing zeros:
     * {@code new BigDecimal(Double.toString(v)).movePointRight(shift).stripTrailingZeros().toPlainString()}
     * (0.8746 shifted by 2 → {@code 87.46}, 45.30 → {@code 45.3}, 100.0 → {@code 100}, -0.0 → {@code 0}).
     *
     * @throws NumberFormatException when the value is NaN or infinite
     */
    static String plain(double value, int shift) {
        String s = finiteText(value);
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = s.indexOf('.');
        boolean negative = s.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int last = lastNonZeroDigit(s, start, end);
        if (last < 0) {
            return "0"; // zero has no sign in a decimal
        }
        int first = start;
        while (s.charAt(first) == '0' || s.charAt(first) == '.') {
            first++;
        }
        // the significant digits first..last (point skipped) and the power of ten of the last one
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = first; i <= last; i++) {
            if (i != dot) {
                digits.append(s.charAt(i));
            }
        }
        int scale = (last > dot ? last - dot : last - dot + 1) - exponent - shift; // digits × 10^-scale
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        int n = digits.length();
        if (scale <= 0) {
            out.append(digits);
            for (int i = 0; i < -scale; i++) {
                out.append('0');
            }
        } else if (scale < n) {
            out.append(digits, 0, n - scale).append('.').append(digits, n - scale, n);
        } else {
            out.append("0.");
            for (int i = n; i < scale; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }

    private static String finiteText(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not a finite number: " + value); // as new BigDecimal(Double.toString(value)) does
        }
        return Double.toString(value);
    }

    /** Index of the last digit other than 0 in s[start, end), skipping the point; -1 when there is none. */
    private static int lastNonZeroDigit(String s, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return i;
            }
        }
        return -1;
    }
}
