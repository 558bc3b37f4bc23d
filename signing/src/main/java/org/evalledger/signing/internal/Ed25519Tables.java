package org.evalledger.signing.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A faster way to <em>accept</em> an Ed25519 signature under a key that verifies many: RFC 8032's
 * equation {@code R = [S]B - [k]A} computed from two tables of precomputed multiples, one of the
 * base point B (made once per JVM) and one of {@code -A} (made once per public key), so that a
 * verification is additions alone, about 86 of them and 6 doublings, where Bouncy Castle's
 * variable-base method doubles some 128 times and first decodes R.
 *
 * <p><b>It never rejects.</b> {@link #verifies} answers true only when {@code [S]B - [k]A},
 * encoded as RFC 8032 §5.1.2 encodes a point, is byte for byte the signature's R (and S is below
 * the group order L); false means "not shown valid here", and {@link Crypto} then lets Bouncy Castle
 * decide, as it did before this class existed. Every signature true here is one that Bouncy Castle
 * accepts: the cofactorless equation implies its check, R equal to a point's canonical encoding is a
 * canonical encoding of a point, and k is the same hash of the same bytes. So every verdict, for
 * valid, forged, non-canonical or small-order input alike, is still Bouncy Castle's (SIGNING.md);
 * what changes is the time a valid signature takes: about 0.55 of Bouncy Castle's for the curve,
 * the hash aside (docs/performance.md, "Twenty-fourth step").
 *
 * <p>Tables are made only for keys that {@link Crypto} imported and validated (prime order,
 * canonical), only once a key has been used {@value Accelerator#USES_BEFORE_TABLE} times (a
 * command that checks a few signatures would spend more making a table than it saves), and for at
 * most {@value Accelerator#MAX_TABLES} keys per JVM; a table is {@value #TABLE_INTS} ints (about
 * 84 KB). Variable time, which verification can afford: every input is public.
 *
 * <p>Thread-safe: a table is immutable once published, and {@link Accelerator} publishes it through a
 * volatile field; until then every verification goes to Bouncy Castle.
 */
final class Ed25519Tables {
    /** Bits per signed digit of a scalar. */
    private static final int WINDOW = 6;
    /** A table holds 1..HALF times each of its base multiples; digits lie in [-HALF, HALF). */
    private static final int HALF = 1 << (WINDOW - 1);
    /** Digits of a scalar below 2^253 (the top one absorbs the last carry). */
    private static final int DIGITS = (253 + WINDOW - 1) / WINDOW;
    /** Base multiples per table: 2^(2 WINDOW j) P for j below this (odd digits are shifted by WINDOW doublings). */
    private static final int POSITIONS = (DIGITS + 1) / 2;
    /** Ints per table entry: y + x, y - x and 2 d x y, ten limbs each. */
    private static final int ENTRY = 3 * Field25519.LIMBS;
    /** Ints per table. */
    static final int TABLE_INTS = POSITIONS * HALF * ENTRY;

    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** L, little-endian. */
    private static final byte[] L_BYTES = littleEndian32(L);

    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    });

    private Ed25519Tables() {}

    /** The curve's constants and B's table, made on first use (about 10 ms of a cold JVM). */
    private static final class Curve {
        /** d = -121665 / 121666. */
        static final long[] D = Field25519.create();
        /** 2 d. */
        static final long[] D2 = Field25519.create();
        /** A square root of -1: 2^((p - 1) / 4). */
        static final long[] SQRT_M1 = Field25519.of(1);
        /** B's table: B is the point with y = 4/5 and an even x (RFC 8032 §5.1), encoded 0x58 then 31 times 0x66. */
        static final int[] BASE;

        static {
            long[] inverse = Field25519.create();
            Field25519.invert(inverse, Field25519.of(121666));
            Field25519.mul(D, Field25519.of(121665), inverse);
            Field25519.negate(D, D);
            Field25519.carry(D);
            Field25519.add(D2, D, D);
            Field25519.carry(D2);
            BigInteger exponent = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(20)).shiftRight(2);
            long[] two = Field25519.of(2);
            for (int i = exponent.bitLength() - 1; i >= 0; i--) {
                Field25519.square(SQRT_M1, SQRT_M1);
                if (exponent.testBit(i)) {
                    Field25519.mul(SQRT_M1, SQRT_M1, two);
                }
            }
            byte[] b = new byte[32];
            Arrays.fill(b, (byte) 0x66);
            b[0] = 0x58;
            long[][] xy = decode(b);
            if (xy == null) {
                throw new IllegalStateException("the base point does not decode");
            }
            BASE = table(xy[0], xy[1]);
        }
    }

    /** An immutable table of the multiples of -A for one public key A, with A's encoding. */
    static final class KeyTable {
        private final byte[] encoded;
        private final int[] minusA;

        private KeyTable(byte[] encoded, int[] minusA) {
            this.encoded = encoded.clone();
            this.minusA = minusA;
        }

        /** The table of a key's 32-byte encoding, or null when the bytes are not a point of the curve. */
        static @Nullable KeyTable of(byte[] encoded) {
            if (encoded.length != 32) {
                return null;
            }
            long[][] xy = decode(encoded);
            if (xy == null) {
                return null;
            }
            long[] minusX = Field25519.create();
            Field25519.negate(minusX, xy[0]);
            Field25519.carry(minusX);
            return new KeyTable(encoded, table(minusX, xy[1]));
        }
    }

    /**
     * The per-key state of {@link Crypto.PublicKey}: counts the key's verifications and makes its
     * table on the {@value #USES_BEFORE_TABLE}th, unless {@value #MAX_TABLES} keys already have one.
     * Thread-safe; the thread whose verification reaches the count makes the table, the others go on
     * with Bouncy Castle meanwhile.
     */
    public static final class Accelerator {
        /** Verifications under a key before its table is made: the table costs about 25 of them. */
        static final int USES_BEFORE_TABLE = 256;
        /** Tables per JVM at most (about 5.4 MB): a policy's keys beyond them are checked by Bouncy Castle alone. */
        static final int MAX_TABLES = 64;
        private static final AtomicInteger TABLES = new AtomicInteger();

        private final byte[] encoded;
        private final int usesBeforeTable;
        private final AtomicInteger tables;
        private final int maxTables;
        private final AtomicInteger uses = new AtomicInteger();
        private volatile @Nullable KeyTable table;

        /** For a validated key's 32-byte encoding, with the JVM's budget of tables. */
        Accelerator(byte[] encoded) {
            this(encoded, USES_BEFORE_TABLE, TABLES, MAX_TABLES);
        }

        /** For tests: a table on the given use, counted against the given budget. */
        Accelerator(byte[] encoded, int usesBeforeTable, AtomicInteger tables, int maxTables) {
            this.encoded = encoded.clone();
            this.usesBeforeTable = usesBeforeTable;
            this.tables = tables;
            this.maxTables = maxTables;
        }

        /** Whether the table is made, without counting a use. */
        boolean hasTable() {
            return table != null;
        }

        /** Counts a use; the key's table, or null while it is not (or will never be) made. */
        @Nullable KeyTable table() {
            KeyTable t = table;
            if (t != null || uses.get() >= usesBeforeTable) {
                return t;
            }
            if (uses.incrementAndGet() != usesBeforeTable || tables.incrementAndGet() > maxTables) {
                return null;
            }
            t = KeyTable.of(encoded);
            table = t;
            return t;
        }
    }

    /**
     * Whether {@code [S]B - [k]A} encodes to the signature's R, with S below L and k = SHA-512(R || A ||
     * message) mod L: true proves the signature valid; false proves nothing (see the class comment).
     *
     * @param signature 64 bytes, R then S
     */
    static boolean verifies(KeyTable key, byte[] message, byte[] signature) {
        if (signature.length != 64 || !belowL(signature, 32)) {
            return false;
        }
        MessageDigest sha512 = SHA512.get();
        sha512.update(signature, 0, 32);
        sha512.update(key.encoded);
        sha512.update(message);
        byte[] k = reduce(sha512.digest());
        byte[] sDigits = digits(signature, 32), kDigits = digits(k, 0);
        int[] base = Curve.BASE, minusA = key.minusA;
        long[][] r = {Field25519.create(), Field25519.of(1), Field25519.of(1), Field25519.create()};
        Scratch s = new Scratch();
        for (int i = 1; i < DIGITS; i += 2) {
            add(r, base, i >> 1, sDigits[i], s);
            add(r, minusA, i >> 1, kDigits[i], s);
        }
        for (int n = 0; n < WINDOW; n++) {
            twice(r, r, s);
        }
        for (int i = 0; i < DIGITS; i += 2) {
            add(r, base, i >> 1, sDigits[i], s);
            add(r, minusA, i >> 1, kDigits[i], s);
        }
        return encodes(r, signature);
    }

    /** Whether the extended point r encodes to the 32 bytes at the start of expected. */
    private static boolean encodes(long[][] r, byte[] expected) {
        long[] zInverse = Field25519.create(), x = Field25519.create(), y = Field25519.create();
        Field25519.invert(zInverse, r[2]);
        Field25519.mul(x, r[0], zInverse);
        Field25519.mul(y, r[1], zInverse);
        byte[] encoded = new byte[32];
        Field25519.toBytes(encoded, 0, y);
        if (Field25519.isNegative(x)) {
            encoded[31] |= (byte) 0x80;
        }
        int diff = 0;
        for (int i = 0; i < 32; i++) {
            diff |= encoded[i] ^ expected[i];
        }
        return diff == 0;
    }

    /** Working elements of one verification. */
    private static final class Scratch {
        final long[] a = Field25519.create(), b = Field25519.create(), c = Field25519.create(),
                d = Field25519.create(), e = Field25519.create(), f = Field25519.create(), g = Field25519.create();
    }

    /**
     * r += digit times the table's base multiple at position j (mixed addition of an affine
     * (y + x, y - x, 2 d x y) entry to extended coordinates, a = -1: Hisil, Wong, Carter and Dawson,
     * 2008, §3.1 and §4.2); nothing for a zero digit, the entry negated for a negative one.
     */
    private static void add(long[][] r, int[] table, int j, int digit, Scratch s) {
        if (digit == 0) {
            return;
        }
        boolean negative = digit < 0;
        int entry = (j * HALF + (negative ? -digit : digit) - 1) * ENTRY;
        int yPlusX = negative ? entry + Field25519.LIMBS : entry;
        int yMinusX = negative ? entry : entry + Field25519.LIMBS;
        long[] x = r[0], y = r[1], z = r[2], t = r[3];
        long[] a = s.a, b = s.b, c = s.c, d = s.d, e = s.e;
        Field25519.sub(a, y, x);
        Field25519.mul(a, a, table, yMinusX);          // A = (Y - X)(y - x), the entry's (y + x) when negated
        Field25519.add(b, y, x);
        Field25519.mul(b, b, table, yPlusX);           // B = (Y + X)(y + x)
        Field25519.mul(c, t, table, entry + 2 * Field25519.LIMBS); // C = T 2 d x y (negated below when negated)
        Field25519.add(d, z, z);                       // D = 2 Z
        Field25519.sub(e, b, a);                       // E = B - A
        Field25519.add(b, b, a);                       // H = B + A
        if (negative) {
            Field25519.add(a, d, c);                   // F = D - (-C)
            Field25519.sub(d, d, c);                   // G = D + (-C)
        } else {
            Field25519.sub(a, d, c);                   // F = D - C
            Field25519.add(d, d, c);                   // G = D + C
        }
        Field25519.mul(x, e, a);                       // X = E F
        Field25519.mul(y, d, b);                       // Y = G H
        Field25519.mul(t, e, b);                       // T = E H
        Field25519.mul(z, a, d);                       // Z = F G
    }

    /** r = 2 p in extended coordinates, a = -1 (Hisil, Wong, Carter and Dawson, 2008, §3.3); r may be p. */
    private static void twice(long[][] r, long[][] p, Scratch s) {
        long[] a = s.a, b = s.b, c = s.c, e = s.e, f = s.f, g = s.g, h = s.d;
        Field25519.square(a, p[0]);                    // A = X^2
        Field25519.square(b, p[1]);                    // B = Y^2
        Field25519.square(c, p[2]);
        Field25519.add(c, c, c);                       // C = 2 Z^2
        Field25519.add(h, p[0], p[1]);
        Field25519.square(e, h);
        Field25519.add(h, a, b);
        Field25519.sub(e, e, h);                       // E = (X + Y)^2 - A - B
        Field25519.sub(g, b, a);                       // G = B - A (a A + B with a = -1)
        Field25519.sub(f, g, c);                       // F = G - C
        Field25519.negate(h, h);                       // H = -A - B
        Field25519.mul(r[0], e, f);
        Field25519.mul(r[1], g, h);
        Field25519.mul(r[3], e, h);
        Field25519.mul(r[2], f, g);
    }

    /** r = p + q, both extended (the unified addition of the same paper, §3.1); r may be neither. */
    private static void sum(long[][] r, long[][] p, long[][] q) {
        long[] a = Field25519.create(), b = Field25519.create(), c = Field25519.create(), d = Field25519.create(),
                t = Field25519.create();
        Field25519.sub(a, p[1], p[0]);
        Field25519.sub(t, q[1], q[0]);
        Field25519.mul(a, a, t);                       // A = (Y1 - X1)(Y2 - X2)
        Field25519.add(b, p[1], p[0]);
        Field25519.add(t, q[1], q[0]);
        Field25519.mul(b, b, t);                       // B = (Y1 + X1)(Y2 + X2)
        Field25519.mul(c, p[3], q[3]);
        Field25519.mul(c, c, Curve.D2);                // C = 2 d T1 T2
        Field25519.mul(d, p[2], q[2]);
        Field25519.add(d, d, d);                       // D = 2 Z1 Z2
        long[] e = Field25519.create(), f = Field25519.create(), g = Field25519.create(), h = Field25519.create();
        Field25519.sub(e, b, a);
        Field25519.sub(f, d, c);
        Field25519.add(g, d, c);
        Field25519.add(h, b, a);
        Field25519.mul(r[0], e, f);
        Field25519.mul(r[1], g, h);
        Field25519.mul(r[3], e, h);
        Field25519.mul(r[2], f, g);
    }

    /**
     * The table of P = (x, y): entry (j HALF + m) holds (m + 1) 2^(2 WINDOW j) P as y + x, y - x and 2 d x
     * y, affine, for m below HALF and j below POSITIONS.
     */
    private static int[] table(long[] x, long[] y) {
        int count = POSITIONS * HALF;
        long[][][] points = new long[count][][];
        long[][] multiple = {x.clone(), y.clone(), Field25519.of(1), Field25519.create()};
        Field25519.mul(multiple[3], x, y);
        Scratch s = new Scratch();
        for (int j = 0; j < POSITIONS; j++) {
            points[j * HALF] = copy(multiple);
            for (int m = 1; m < HALF; m++) {
                long[][] next = {Field25519.create(), Field25519.create(), Field25519.create(), Field25519.create()};
                sum(next, points[j * HALF + m - 1], multiple);
                points[j * HALF + m] = next;
            }
            for (int n = 0; n < 2 * WINDOW && j + 1 < POSITIONS; n++) {
                twice(multiple, multiple, s);
            }
        }
        // One inversion for all: prefix[i] is the product of the Zs before point i.
        long[][] prefix = new long[count][];
        long[] product = Field25519.of(1);
        for (int i = 0; i < count; i++) {
            prefix[i] = product.clone();
            Field25519.mul(product, product, points[i][2]);
        }
        long[] inverse = Field25519.create();
        Field25519.invert(inverse, product);
        int[] table = new int[count * ENTRY];
        long[] zInverse = Field25519.create(), ax = Field25519.create(), ay = Field25519.create(), v = Field25519.create();
        for (int i = count - 1; i >= 0; i--) {
            Field25519.mul(zInverse, inverse, prefix[i]);
            Field25519.mul(inverse, inverse, points[i][2]);
            Field25519.mul(ax, points[i][0], zInverse);
            Field25519.mul(ay, points[i][1], zInverse);
            Field25519.add(v, ay, ax);
            Field25519.carry(v);
            put(table, i * ENTRY, v);
            Field25519.sub(v, ay, ax);
            Field25519.carry(v);
            put(table, i * ENTRY + Field25519.LIMBS, v);
            Field25519.mul(v, ax, ay);
            Field25519.mul(v, v, Curve.D2);
            put(table, i * ENTRY + 2 * Field25519.LIMBS, v);
        }
        return table;
    }

    private static void put(int[] table, int off, long[] carried) {
        for (int i = 0; i < Field25519.LIMBS; i++) {
            table[off + i] = Math.toIntExact(carried[i]);
        }
    }

    private static long[][] copy(long[][] p) {
        return new long[][] {p[0].clone(), p[1].clone(), p[2].clone(), p[3].clone()};
    }

    /**
     * The affine (x, y) a 32-byte encoding decodes to (RFC 8032 §5.1.3), or null when no point has
     * it. y is taken modulo p here: callers pass only encodings already found canonical.
     */
    static long @Nullable [][] decode(byte[] encoded) {
        long[] y = Field25519.create(), u = Field25519.create(), v = Field25519.create(), v3 = Field25519.create(),
                x = Field25519.create(), check = Field25519.create();
        Field25519.fromBytes(y, encoded, 0);
        Field25519.carry(y);
        Field25519.square(u, y);
        Field25519.mul(v, u, Curve.D);
        u[0] -= 1;
        Field25519.carry(u);                           // u = y^2 - 1
        v[0] += 1;
        Field25519.carry(v);                           // v = d y^2 + 1
        Field25519.square(v3, v);
        Field25519.mul(v3, v3, v);                     // v^3
        Field25519.square(x, v3);
        Field25519.mul(x, x, v);
        Field25519.mul(x, x, u);                       // u v^7
        Field25519.powP58(x, x);
        Field25519.mul(x, x, v3);
        Field25519.mul(x, x, u);                       // x = u v^3 (u v^7)^((p - 5) / 8)
        Field25519.square(check, x);
        Field25519.mul(check, check, v);               // v x^2
        long[] difference = Field25519.create();
        Field25519.sub(difference, check, u);
        if (!Field25519.isZero(difference)) {
            Field25519.add(difference, check, u);
            if (!Field25519.isZero(difference)) {
                return null;                           // u / v has no square root
            }
            Field25519.mul(x, x, Curve.SQRT_M1);
        }
        boolean negative = (encoded[31] & 0x80) != 0;
        if (negative && Field25519.isZero(x)) {
            return null;                               // x = 0 has no negative
        }
        if (Field25519.isNegative(x) != negative) {
            Field25519.negate(x, x);
            Field25519.carry(x);
        }
        return new long[][] {x, y};
    }

    /**
     * The signed digits of a 32-byte little-endian scalar below 2^253: e[i] in [-HALF, HALF), the
     * top one in [0, HALF), with the scalar = sum of e[i] 2^(WINDOW i).
     */
    private static byte[] digits(byte[] scalar, int off) {
        byte[] e = new byte[DIGITS];
        int carry = 0;
        for (int i = 0; i < DIGITS; i++) {
            int bit = i * WINDOW, v = 0;
            for (int b = 0; b < WINDOW; b++) {
                int p = bit + b;
                if (p < 256) {
                    v |= ((scalar[off + (p >> 3)] >> (p & 7)) & 1) << b;
                }
            }
            v += carry;
            carry = (v + HALF) >> WINDOW;
            e[i] = (byte) (v - (carry << WINDOW));
        }
        return e;
    }

    /** Whether the 32 little-endian bytes at s[off] are below L. */
    static boolean belowL(byte[] s, int off) {
        for (int i = 31; i >= 0; i--) {
            int a = s[off + i] & 0xff, b = L_BYTES[i] & 0xff;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /** A 64-byte little-endian hash reduced mod L, as 32 little-endian bytes. */
    private static byte[] reduce(byte[] hash) {
        byte[] bigEndian = new byte[64];
        for (int i = 0; i < 64; i++) {
            bigEndian[i] = hash[63 - i];
        }
        return littleEndian32(new BigInteger(1, bigEndian).mod(L));
    }

    private static byte[] littleEndian32(BigInteger v) {
        byte[] b = v.toByteArray(), out = new byte[32];
        for (int i = 0; i < b.length && i < 32; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }
}
