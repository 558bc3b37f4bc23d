package org.evalledger.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9162 §2.1 Merkle tree hashing with SHA-256: leaf hash = SHA-256(0x00 ‖ entry), interior
 * node = SHA-256(0x01 ‖ left ‖ right), the Merkle Tree Hash (MTH) of a list of entries, the audit
 * path of an entry (PATH), the consistency proof between two sizes (PROOF), and the two
 * verification algorithms (§2.1.3.2, §2.1.4.2) that need no database: a client checks a hub's
 * proofs offline with {@link #verifyInclusion} and {@link #verifyConsistency}.
 *
 * <p>The computing methods work on a list of leaf hashes held in memory (a log keeps the
 * complete-subtree hashes instead); they are the reference the stores are tested against. Stateless
 * and thread-safe.
 */
public final class Merkle {
    /** Bytes of a SHA-256 hash. */
    public static final int HASH_BYTES = 32;

    private Merkle() {}

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        return d.digest(entry);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH of the leaves with these hashes ([0, n)); the empty root for none. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : mth(leafHashes, 0, leafHashes.size());
    }

    private static byte[] mth(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = (int) split(n);
        return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
    }

    /** MTH of leaf ranges [from, to) of one tree; how a log serves them is its own affair. */
    interface Hashes {
        byte[] mth(long from, long to);
    }

    private static Hashes of(List<byte[]> leaves) {
        return (from, to) -> mth(leaves, (int) from, (int) to);
    }

    /** RFC 9162 PATH(index, D[0:n]): the audit path of leaf {@code index} in the tree of these leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
        Objects.checkIndex(index, leafHashes.size());
        return inclusionProof(of(leafHashes), index, leafHashes.size());
    }

    static List<byte[]> inclusionProof(Hashes hashes, long index, long size) {
        List<byte[]> out = new ArrayList<>();
        path(hashes, index, 0, size, out);
        return out;
    }

    private static void path(Hashes h, long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(h, m, from, from + k, out);
            out.add(h.mth(from + k, to));
        } else {
            path(h, m - k, from + k, to, out);
            out.add(h.mth(from, from + k));
        }
    }

    /**
     * RFC 9162 PROOF(m, D[0:n]): the consistency proof from the tree of the first {@code m} leaves to
     * the tree of all of them; empty when m is 0 or n.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int m) {
        int n = leafHashes.size();
        if (m < 0 || m > n) {
            throw new IndexOutOfBoundsException("first size " + m + " outside [0, " + n + "]");
        }
        return consistencyProof(of(leafHashes), m, n);
    }

    static List<byte[]> consistencyProof(Hashes hashes, long m, long n) {
        List<byte[]> out = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(hashes, m, 0, n, true, out);
        }
        return out;
    }

    private static void subproof(Hashes h, long m, long from, long to, boolean complete, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(h.mth(from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(h, m, from, from + k, complete, out);
            out.add(h.mth(from + k, to));
        } else {
            subproof(h, m - k, from + k, to, false, out);
            out.add(h.mth(from, from + k));
        }
    }

    /**
     * RFC 9162 §2.1.3.2: checks that the leaf with this hash is entry {@code index} of the tree of
     * {@code treeSize} entries with this root.
     *
     * @throws ProofException ({@code EL-LEDGER-PROOF}) saying why the proof fails
     */
    public static void verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            throw new ProofException("index " + index + " is not inside a tree of size " + treeSize);
        }
        if (leafHash.length != HASH_BYTES) {
            throw new ProofException("the leaf hash has " + leafHash.length + " bytes, not " + HASH_BYTES);
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("the proof has more hashes than a tree of size " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the proof has too few hashes for a tree of size " + treeSize);
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofException("the proof leads to another root: entry " + index + " is not in this tree");
        }
    }

    /**
     * RFC 9162 §2.1.4.2: checks that the tree of {@code size1} entries with {@code root1} is a
     * prefix of the tree of {@code size2} entries with {@code root2}. Equal sizes need an empty proof
     * and equal roots; a first size of 0 is refused (nothing to be consistent with).
     *
     * @throws ProofException ({@code EL-LEDGER-PROOF}) saying why the proof fails
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 1) {
            throw new ProofException("the first tree size must be at least 1, got " + size1);
        }
        if (size1 > size2) {
            throw new ProofException("the first tree (" + size1 + ") is larger than the second (" + size2 + ")");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of equal size need an empty proof");
            }
            if (!Arrays.equals(root1, root2)) {
                throw new ProofException("two trees of size " + size1 + " have different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("an empty proof cannot show that size " + size1 + " is a prefix of size " + size2);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) { // a power of two: the first tree's root is the first node
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the proof has more hashes than the trees need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the proof has too few hashes for the trees");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the proof does not lead to the second root");
        }
    }
}
