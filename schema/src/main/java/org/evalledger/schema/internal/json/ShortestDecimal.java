package org.evalledger.schema.internal.json;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given normal double, and among equally short ones the
 * closest to it (ties to an even last digit): what ECMAScript's {@code Number.prototype.toString}
 * and so RFC 8785 require, found with 64-bit integer arithmetic only.
 *
 * <p>The method is Raffaello Giulietti's "Schubfach" (2020): scale the double and both ends of its
 * rounding interval by a power of ten so that the interval is between 1 and 10 units wide, with a
 * 126-bit approximation of that power rounded so that comparisons with the candidate decimals
 * (multiples of four in quarter units) stay exact; then the shortest decimal in the interval is
 * either the multiple of ten next to the scaled value (one digit fewer) or one of the two integers
 * around it. The powers of ten are computed here once, exactly, with {@link BigInteger}.
 *
 * <p>Only normal doubles are handled: for the smallest subnormals (fewer than two significant digits
 * of precision) ECMAScript's rule differs from this method's, and {@link Jcs} formats subnormals
 * with its exact search. Stateless and thread-safe.
 */
final class ShortestDecimal {
    /** Exponents of ten whose 126-bit approximations are tabulated: 10^-k for k in [K_MIN, K_MAX]. */
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final long C_MIN = 1L << 52;
    private static final int Q_MIN = -1074;

    /** For each k, the high and low 63 bits of g = floor(10^-k / 2^r) + 1, with 2^125 <= g < 2^126. */
    private static final long[] G = powersOfTen();

    private ShortestDecimal() {}

    private static long[] powersOfTen() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            BigInteger beta;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                int shift = p.bitLength() - 126; // p / 2^shift has 126 bits
                beta = shift >= 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
            } else {
                BigInteger d = BigInteger.TEN.pow(-e);
                int s = 125 + d.bitLength(); // 2^s / d is in [2^125, 2^126]
                beta = BigInteger.ONE.shiftLeft(s).divide(d);
                if (beta.bitLength() > 126) {
                    beta = BigInteger.ONE.shiftLeft(s - 1).divide(d);
                }
            }
            BigInteger gk = beta.add(BigInteger.ONE);
            int i = 2 * (k - K_MIN);
            g[i] = gk.shiftRight(63).longValueExact();
            g[i + 1] = gk.longValue() & MASK_63;
        }
        return g;
    }

    /** floor(q * log10(2)), exact for |q| <= 5,456,721. */
    static int floorLog10Pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)), exact for |q| <= 5,456,721. */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e * log2(10)), exact for |e| <= 6,432,162. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /**
     * Writes the shortest decimal of a positive normal double as significand digits times a power of
     * ten: returns the significand (trailing zeros possible) and stores the exponent in {@code exp[0]}.
     */
    static long digits(double positiveNormal, int[] exp) {
        long bits = Double.doubleToRawLongBits(positiveNormal);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long c = C_MIN | (bits & (C_MIN - 1));
        int q = biased - 1075; // value = c * 2^q
        int out = (int) c & 1; // an even significand's interval includes its ends (ties to even)
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            cbl = cb - 1; // at a power of two the interval below is half as wide
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        int i = 2 * (k - K_MIN);
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);
        long s = vb >> 2; // the scaled value's integer part
        if (s >= 100) {
            long sp10 = s / 10 * 10; // one digit fewer: a multiple of ten, below or above
            long tp10 = sp10 + 10;
            boolean upIn = vbl + out <= sp10 << 2;
            boolean wpIn = (tp10 << 2) + out <= vbr;
            if (upIn != wpIn) {
                exp[0] = k;
                return upIn ? sp10 : tp10;
            }
        }
        long t = s + 1;
        boolean uIn = vbl + out <= s << 2;
        boolean wIn = (t << 2) + out <= vbr;
        exp[0] = k;
        if (uIn != wIn) {
            return uIn ? s : t;
        }
        long cmp = vb - (s + t << 1); // the value against the midpoint of s and t, in quarter units
        return cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t;
    }

    /** floor(g * cp / 2^127), its lowest bit set when the quotient is not exact (round to odd). */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }
}
