package org.evalledger.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.StrictJson;
import org.evalledger.signing.Algorithm;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519Tables} and {@link Field25519}: the field agrees with BigInteger; the tables show
 * every valid signature valid and nothing else; and a verification with a key's table gives every
 * signature, valid or not, of the random ones and of all the public vectors, the verdict Bouncy
 * Castle gives it alone.
 */
class Ed25519TablesTest {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final int[] WEIGHT = {0, 26, 51, 77, 102, 128, 153, 179, 204, 230};

    private static final Crypto.PrivateKey KEY = Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {7}));
    private static final Crypto.PrivateKey OTHER = Crypto.generate(Algorithm.ED25519, new SecureRandom(new byte[] {8}));
    private static final Ed25519Tables.KeyTable TABLE =
            present(Ed25519Tables.KeyTable.of(raw(KEY.publicKey())));

    // ------------------------------------------------------------------ the field

    private static BigInteger value(long[] f) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < 10; i++) {
            v = v.add(BigInteger.valueOf(f[i]).shiftLeft(WEIGHT[i]));
        }
        return v.mod(P);
    }

    /** Limbs anywhere up to the 2^27 in magnitude that mul and square accept. */
    private static long[] element(Random random) {
        long[] f = new long[10];
        for (int i = 0; i < 10; i++) {
            f[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? 1L << 27 : -(1L << 27))
                    : random.nextLong() % (1L << 27);
        }
        return f;
    }

    private static void assertCarried(long[] h) {
        for (int i = 0; i < 10; i++) {
            long bound = (i % 2 == 0 ? 1L << 25 : 1L << 24) + (i == 1 ? 1L << 16 : 0);
            assertTrue(Math.abs(h[i]) <= bound, "limb " + i + " = " + h[i]);
        }
    }

    @Property(tries = 2000)
    void multiplyingAndSquaringAgreeWithBigInteger(@ForAll long seed) {
        Random random = new Random(seed);
        long[] f = element(random), g = element(random), h = new long[10], t = new long[10];
        Field25519.mul(h, f, g);
        assertEquals(value(f).multiply(value(g)).mod(P), value(h));
        assertCarried(h);
        int[] table = new int[25];
        int off = random.nextInt(15);
        for (int i = 0; i < 10; i++) {
            table[off + i] = (int) (g[i] >> 2); // a table holds carried limbs, which fit in an int
        }
        long[] fromTable = new long[10];
        for (int i = 0; i < 10; i++) {
            fromTable[i] = table[off + i];
        }
        Field25519.mul(t, f, table, off);
        assertEquals(value(f).multiply(value(fromTable)).mod(P), value(t));
        Field25519.square(h, f);
        assertEquals(value(f).pow(2).mod(P), value(h));
        assertCarried(h);
    }

    @Property(tries = 300)
    void inversesEncodingsAndSquareRootExponentsAgreeWithBigInteger(@ForAll long seed) {
        Random random = new Random(seed);
        long[] f = element(random), h = new long[10];
        Field25519.carry(f);
        BigInteger v = value(f);
        Field25519.invert(h, f);
        assertEquals(v.signum() == 0 ? BigInteger.ZERO : v.modInverse(P), value(h));
        Field25519.powP58(h, f);
        assertEquals(v.modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P), value(h));
        byte[] encoded = new byte[32];
        Field25519.toBytes(encoded, 0, f);
        assertArrayEquals(littleEndian(v), encoded);
        long[] back = new long[10];
        Field25519.fromBytes(back, encoded, 0);
        assertEquals(v, value(back));
        assertEquals(v.testBit(0), Field25519.isNegative(f));
        assertEquals(v.signum() == 0, Field25519.isZero(f));
    }

    @Test
    void theEncodingIsCanonicalAtTheEdges() {
        for (BigInteger v : List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
                P.add(BigInteger.valueOf(18)), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE))) {
            long[] f = new long[10];
            byte[] in = littleEndian(v);
            Field25519.fromBytes(f, in, 0);
            byte[] out = new byte[32];
            Field25519.toBytes(out, 0, f);
            assertArrayEquals(littleEndian(v.mod(P)), out, v.toString(16));
            long[] negated = new long[10];
            Field25519.negate(negated, f);
            Field25519.toBytes(out, 0, negated);
            assertArrayEquals(littleEndian(v.negate().mod(P)), out, "-" + v.toString(16));
        }
    }

    /** The byte checks of a canonical y and of S below L agree with BigInteger, most of all next to p and L. */
    @Property(tries = 2000)
    void theRangeChecksAgreeWithBigInteger(@ForAll long seed, @ForAll @IntRange(min = -40, max = 40) int nearEdge) {
        Random random = new Random(seed);
        BigInteger y = seed % 3 == 0 ? new BigInteger(255, random) : P.add(BigInteger.valueOf(nearEdge));
        byte[] encoded = littleEndian(y.mod(BigInteger.ONE.shiftLeft(255)));
        if (random.nextBoolean()) {
            encoded[31] |= (byte) 0x80; // the sign bit is not part of y
        }
        byte[] padded = new byte[40];
        System.arraycopy(encoded, 0, padded, 3, 32);
        assertEquals(y.mod(BigInteger.ONE.shiftLeft(255)).compareTo(P) < 0, Crypto.canonicalY(padded, 3), y.toString(16));
        BigInteger s = seed % 3 == 0 ? new BigInteger(256, random) : L.add(BigInteger.valueOf(nearEdge));
        System.arraycopy(littleEndian(s), 0, padded, 5, 32);
        assertEquals(s.compareTo(L) < 0, Ed25519Tables.belowL(padded, 5), s.toString(16));
    }

    /** A raw key of any length but 32 is not canonical, whatever its first 32 bytes verify. */
    @Test
    void aRawKeyOfAnotherLengthIsNotCanonical() {
        byte[] message = "length".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Crypto.sign(KEY, message);
        byte[] raw = raw(KEY.publicKey());
        assertEquals(Crypto.Check.VALID, Crypto.verifyEd25519(raw, message, signature));
        assertEquals(Crypto.Check.NON_CANONICAL, Crypto.verifyEd25519(java.util.Arrays.copyOf(raw, 33), message, signature));
        assertEquals(Crypto.Check.NON_CANONICAL, Crypto.verifyEd25519(java.util.Arrays.copyOf(raw, 31), message, signature));
    }

    // ------------------------------------------------------------------ the tables

    @Property(tries = 300)
    void everyValidSignatureIsShownValid(@ForAll @Size(max = 2000) byte[] message) {
        assertTrue(Ed25519Tables.verifies(TABLE, message, Crypto.sign(KEY, message)));
    }

    @Property(tries = 500)
    void aChangedSignatureMessageOrKeyIsNeverShownValid(@ForAll @Size(max = 300) byte[] message,
            @ForAll @IntRange(min = 0, max = 2) int change, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] signature = Crypto.sign(change == 2 ? OTHER : KEY, message);
        byte[] checked = message.clone();
        if (change == 0) {
            signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        } else if (change == 1) {
            checked = new byte[message.length + 1];
            System.arraycopy(message, 0, checked, 0, message.length);
            checked[random.nextInt(checked.length)] ^= (byte) (1 << random.nextInt(8));
        }
        assertFalse(Ed25519Tables.verifies(TABLE, checked, signature));
        assertFalse(Ed25519.verify(signature, 0, raw(KEY.publicKey()), 0, checked, 0, checked.length));
    }

    /** S + L names the same point as S: only the check of S below L tells them apart. */
    @Test
    void sPlusTheGroupOrderIsNotShownValid() {
        byte[] message = "S + L".getBytes(StandardCharsets.UTF_8);
        int tried = 0;
        for (int i = 0; tried < 20; i++) {
            byte[] m = (new String(message, StandardCharsets.UTF_8) + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = Crypto.sign(KEY, m);
            BigInteger sPlusL = new BigInteger(1, reversed(signature, 32)).add(L);
            if (sPlusL.bitLength() > 256) {
                continue;
            }
            byte[] changed = signature.clone();
            System.arraycopy(littleEndian(sPlusL), 0, changed, 32, 32);
            assertTrue(Ed25519Tables.verifies(TABLE, m, signature));
            assertFalse(Ed25519Tables.verifies(TABLE, m, changed));
            tried++;
        }
    }

    /**
     * A signature whose R is the honest one plus the point of order 2, (0, -1): S is computed by the
     * signer for that R, so the cofactored equation holds and the cofactorless one does not. The
     * tables do not show it valid; the verdict is Bouncy Castle's, the same with a table as without.
     */
    @Test
    void aSignatureWithATorsionComponentInRIsLeftToBouncyCastle() throws Exception {
        byte[] seed = new byte[32];
        new Random(3).nextBytes(seed);
        byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
        BigInteger a = clamped(h);
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        byte[] rSeed = new byte[32];
        new Random(4).nextBytes(rSeed);
        BigInteger r = clamped(MessageDigest.getInstance("SHA-512").digest(rSeed));
        byte[] honestR = new byte[32];
        Ed25519.generatePublicKey(rSeed, 0, honestR, 0); // [r]B
        // (x, y) + (0, -1) = (-x, -y): y becomes p - y and the sign of x flips (x is never 0 here).
        BigInteger y = new BigInteger(1, reversed(withoutSign(honestR), 0));
        byte[] torsionR = littleEndian(P.subtract(y));
        torsionR[31] |= (byte) ((honestR[31] & 0x80) ^ 0x80);
        byte[] message = "a torsion component".getBytes(StandardCharsets.UTF_8);
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(torsionR);
        sha512.update(publicKey);
        sha512.update(message);
        BigInteger k = new BigInteger(1, reversed(sha512.digest(), 0)).mod(L);
        byte[] signature = new byte[64];
        System.arraycopy(torsionR, 0, signature, 0, 32);
        System.arraycopy(littleEndian(r.add(k.multiply(a)).mod(L)), 0, signature, 32, 32);

        Crypto.PublicKey key = Crypto.publicKey(Crypto.ed25519Spki(publicKey));
        Ed25519Tables.KeyTable table = present(Ed25519Tables.KeyTable.of(publicKey));
        assertFalse(Ed25519Tables.verifies(table, message, signature));
        assertEquals(Crypto.verifyEd25519(publicKey, message, signature), Crypto.verify(withTableNow(key), message, signature));
        // and the honest signature with the same r is shown valid
        byte[] honest = new byte[64];
        System.arraycopy(honestR, 0, honest, 0, 32);
        sha512.update(honestR);
        sha512.update(publicKey);
        sha512.update(message);
        BigInteger honestK = new BigInteger(1, reversed(sha512.digest(), 0)).mod(L);
        System.arraycopy(littleEndian(r.add(honestK.multiply(a)).mod(L)), 0, honest, 32, 32);
        assertTrue(Ed25519Tables.verifies(table, message, honest));
    }

    /** A table is a table of the key it was made for: another key's signatures are never shown valid under it. */
    @Test
    void aKeysTableDecodesTheKeyOrNothing() {
        assertNull(Ed25519Tables.KeyTable.of(new byte[31]));
        byte[] noPoint = HexFormat.of().parseHex("0200000000000000000000000000000000000000000000000000000000000000");
        assertNull(Ed25519Tables.KeyTable.of(noPoint)); // y = 2 has no x
        byte[] minusZero = new byte[32];
        minusZero[0] = 1;
        minusZero[31] = (byte) 0x80; // y = 1, x = 0 with the sign bit set
        assertNull(Ed25519Tables.KeyTable.of(minusZero));
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        Ed25519Tables.KeyTable other = present(Ed25519Tables.KeyTable.of(raw(OTHER.publicKey())));
        assertFalse(Ed25519Tables.verifies(other, message, Crypto.sign(KEY, message)));
        assertTrue(Ed25519Tables.verifies(other, message, Crypto.sign(OTHER, message)));
    }

    // ------------------------------------------------------------------ with Crypto, on the public vectors

    @Property(tries = 300)
    void aKeyWithATableGivesEverySignatureBouncyCastlesVerdict(@ForAll @Size(max = 300) byte[] message,
            @ForAll @IntRange(min = 0, max = 3) int change, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] signature = Crypto.sign(change == 3 ? OTHER : KEY, message);
        if (change == 1) {
            signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        } else if (change == 2) {
            signature[32 + random.nextInt(32)] = (byte) random.nextInt(); // S at random, often above L
        }
        Crypto.PublicKey key = withTableNow(KEY.publicKey());
        assertEquals(Crypto.verifyEd25519(raw(KEY.publicKey()), message, signature), Crypto.verify(key, message, signature));
    }

    /**
     * Every Ed25519 vector of ../shared/vectors whose key imports (SIGNING.md rule 8) gets the same
     * verdict with the key's table as from Bouncy Castle alone; the tables show valid only vectors that
     * Bouncy Castle accepts, and they show some valid, so the fast path is exercised, not bypassed.
     */
    @Test
    void thePublicVectorsGetTheSameVerdictsWithATable() {
        List<byte[][]> cases = new ArrayList<>(); // key, message, signature
        for (JsonValue g : arr(obj(json("vectors/wycheproof/testvectors_v1/ed25519_test.json")).get("testGroups"))) {
            byte[] spki = hex(g, "publicKeyDer");
            byte[] key = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            for (JsonValue t : arr(obj(g).get("tests"))) {
                cases.add(new byte[][] {key, hex(t, "msg"), hex(t, "sig")});
            }
        }
        JsonValue rfc = json("vectors/rfc8032/ed25519_rfc8032.json");
        for (JsonValue t : arr(obj(rfc).get("valid"))) {
            byte[] spki = hex(t, "publicKeySpkiDer");
            cases.add(new byte[][] {java.util.Arrays.copyOfRange(spki, 12, 44), hex(t, "message"), hex(t, "signature")});
        }
        for (JsonValue t : arr(obj(rfc).get("invalid"))) {
            cases.add(new byte[][] {hex(t, "publicKey"), hex(t, "message"), hex(t, "signature")});
        }
        for (JsonValue c : arr(json("vectors/ed25519-speccheck/cases.json"))) {
            cases.add(new byte[][] {hex(c, "pub_key"), hex(c, "message"), hex(c, "signature")});
        }
        for (JsonValue v : arr(json("vectors/cctv-ed25519/ed25519vectors.json"))) {
            cases.add(new byte[][] {hex(v, "key"), str(v, "msg").getBytes(StandardCharsets.UTF_8), hex(v, "sig")});
        }
        int imported = 0, shownValid = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            byte[] key = cases.get(i)[0], message = cases.get(i)[1], signature = cases.get(i)[2];
            Crypto.PublicKey publicKey;
            try {
                publicKey = Crypto.publicKey(Crypto.ed25519Spki(key));
            } catch (RuntimeException refused) {
                continue; // small order or not canonical: no key, so no table
            }
            imported++;
            Crypto.Check alone = Crypto.verifyEd25519(key, message, signature);
            Crypto.Check withTable = Crypto.verify(withTableNow(publicKey), message, signature);
            if (alone != withTable) {
                wrong.add("case " + i + ": " + alone + " alone, " + withTable + " with a table");
            }
            if (signature.length == 64 && Ed25519Tables.verifies(present(Ed25519Tables.KeyTable.of(key)), message, signature)) {
                shownValid++;
                if (alone != Crypto.Check.VALID) {
                    wrong.add("case " + i + ": shown valid, " + alone + " for Bouncy Castle");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(imported > 150, "keys imported: " + imported);
        assertTrue(shownValid > 50, "shown valid: " + shownValid);
    }

    // ------------------------------------------------------------------ the accelerator

    @Test
    void aTableIsMadeOnTheCountedUseAndNotBefore() {
        AtomicInteger budget = new AtomicInteger();
        Ed25519Tables.Accelerator accelerator = new Ed25519Tables.Accelerator(raw(KEY.publicKey()), 3, budget, 2);
        assertNull(accelerator.table());
        assertNull(accelerator.table());
        Ed25519Tables.KeyTable made = accelerator.table();
        assertNotNull(made);
        assertSame(made, accelerator.table());
        assertEquals(1, budget.get());
        byte[] message = "counted".getBytes(StandardCharsets.UTF_8);
        assertTrue(Ed25519Tables.verifies(made, message, Crypto.sign(KEY, message)));
    }

    @Test
    void noTableIsMadeOnceTheBudgetIsSpent() {
        AtomicInteger budget = new AtomicInteger(2);
        Ed25519Tables.Accelerator accelerator = new Ed25519Tables.Accelerator(raw(KEY.publicKey()), 1, budget, 2);
        for (int i = 0; i < 5; i++) {
            assertNull(accelerator.table());
        }
        assertEquals(3, budget.get()); // asked once, refused, never asked again
    }

    @Test
    void anImportedKeyStartsWithoutATableAndGetsOneAfterItsUses() {
        Crypto.PublicKey key = Crypto.publicKey(KEY.publicKey().spki());
        Ed25519Tables.Accelerator accelerator = present(key.ed25519Tables());
        byte[] message = "uses".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Crypto.sign(KEY, message);
        for (int i = 1; i < Ed25519Tables.Accelerator.USES_BEFORE_TABLE; i++) {
            assertEquals(Crypto.Check.VALID, Crypto.verify(key, message, signature));
        }
        assertFalse(accelerator.hasTable());
        assertEquals(Crypto.Check.VALID, Crypto.verify(key, message, signature)); // the 256th use makes it
        assertTrue(accelerator.hasTable()); // unless the JVM's 64 are spent, which these tests do not do
        assertEquals(Crypto.Check.VALID, Crypto.verify(key, message, signature));
    }

    /** Four threads share a key while its table is made: every check is VALID and one table is made. */
    @Test
    void threadsSharingAKeyWhileItsTableIsMadeAllGetTheRightVerdict() throws Exception {
        AtomicInteger budget = new AtomicInteger();
        Crypto.PublicKey imported = KEY.publicKey();
        Ed25519Tables.Accelerator accelerator = new Ed25519Tables.Accelerator(raw(imported), 64, budget, 8);
        Crypto.PublicKey key = new Crypto.PublicKey(imported.algorithm(), imported.spki(), imported.params(),
                imported.ed25519Raw(), imported.ed25519Point(), accelerator);
        byte[] message = "shared".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Crypto.sign(KEY, message);
        byte[] forged = signature.clone();
        forged[5] ^= 1;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                wrong.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 100; i++) {
                        n += Crypto.verify(key, message, signature) == Crypto.Check.VALID ? 0 : 1;
                        n += Crypto.verify(key, message, forged) == Crypto.Check.MISMATCH ? 0 : 1;
                    }
                    return n;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : wrong) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(accelerator.hasTable());
        assertEquals(1, budget.get());
    }

    // ------------------------------------------------------------------ helpers

    /** The key with an accelerator that has made its table already. */
    private static Crypto.PublicKey withTableNow(Crypto.PublicKey key) {
        Ed25519Tables.Accelerator accelerator =
                new Ed25519Tables.Accelerator(raw(key), 1, new AtomicInteger(), 1);
        assertNotNull(accelerator.table());
        return new Crypto.PublicKey(key.algorithm(), key.spki(), key.params(), key.ed25519Raw(), key.ed25519Point(),
                accelerator);
    }

    private static byte[] raw(Crypto.PublicKey key) {
        return present(key.ed25519Raw());
    }

    private static BigInteger clamped(byte[] sha512) {
        byte[] s = java.util.Arrays.copyOf(sha512, 32);
        s[0] &= (byte) 0xf8;
        s[31] &= 0x7f;
        s[31] |= 0x40;
        return new BigInteger(1, reversed(s, 0));
    }

    private static byte[] withoutSign(byte[] encoded) {
        byte[] b = encoded.clone();
        b[31] &= 0x7f;
        return b;
    }

    /** bytes [off, off + 32) reversed (little-endian to big-endian), or the whole array when it is 64 long and off 0. */
    private static byte[] reversed(byte[] b, int off) {
        int n = b.length == 64 && off == 0 ? 64 : 32;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = b[off + n - 1 - i];
        }
        return out;
    }

    private static byte[] littleEndian(BigInteger v) {
        byte[] b = v.toByteArray(), out = new byte[32];
        for (int i = 0; i < b.length && i < 32; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }

    private static JsonValue json(String relative) {
        try {
            return StrictJson.parse(Files.readAllBytes(SharedData.path(relative)), new ParseLimits(64L << 20, 16 << 20));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, JsonValue> obj(JsonValue v) {
        return ((JsonValue.JsonObject) v).members();
    }

    private static List<JsonValue> arr(JsonValue v) {
        return ((JsonValue.JsonArray) v).items();
    }

    private static String str(JsonValue v, String name) {
        return ((JsonValue.JsonString) obj(v).get(name)).value();
    }

    private static byte[] hex(JsonValue v, String name) {
        return HexFormat.of().parseHex(str(v, name));
    }

    /** Non-null, for values a test has just built. */
    private static <T> T present(T value) {
        return java.util.Objects.requireNonNull(value);
    }
}
