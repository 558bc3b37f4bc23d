package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.evalledger.core.JsonValue;
import org.junit.jupiter.api.Test;

/** RFC 6962 / 9162 vectors of {@code ../shared/vectors/merkle/}, every one. */
class MerkleTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<byte[]> leafHashes(List<JsonValue> leaves) {
        List<byte[]> out = new ArrayList<>();
        for (JsonValue l : leaves) {
            out.add(Merkle.leafHash(Vectors.hex(((JsonValue.JsonString) l).value())));
        }
        return out;
    }

    @Test
    void goldenLeafHashesNodeHashesAndRoots() {
        JsonValue.JsonObject g = Vectors.read("rfc6962_golden.json");
        List<byte[]> leaves = leafHashes(Vectors.list(g, "leaves"));
        List<byte[]> expected = Vectors.hexes(g, "leaf_hashes");
        for (int i = 0; i < leaves.size(); i++) {
            assertArrayEquals(expected.get(i), leaves.get(i), "leaf " + i);
        }
        for (JsonValue r : Vectors.list(g, "roots")) {
            int size = (int) Vectors.num(r, "size");
            assertEquals(Vectors.str(r, "root"), HEX.formatHex(Merkle.root(leaves.subList(0, size))), "size " + size);
        }
        for (JsonValue p : Vectors.list(g, "inclusion_proofs")) {
            int size = (int) Vectors.num(p, "size");
            int index = (int) Vectors.num(p, "index");
            List<byte[]> proof = Merkle.inclusionProof(leaves.subList(0, size), index);
            assertEquals(hexList(Vectors.hexes(p, "proof")), hexList(proof));
            Merkle.verifyInclusion(index, size, Vectors.hex(Vectors.str(p, "leaf_hash")), proof, Vectors.hex(Vectors.str(p, "root")));
        }
        for (JsonValue p : Vectors.list(g, "consistency_proofs")) {
            int s1 = (int) Vectors.num(p, "size1");
            int s2 = (int) Vectors.num(p, "size2");
            List<byte[]> proof = Merkle.consistencyProof(leaves.subList(0, s2), s1);
            assertEquals(hexList(Vectors.hexes(p, "proof")), hexList(proof));
            Merkle.verifyConsistency(s1, s2, Vectors.hex(Vectors.str(p, "root1")), Vectors.hex(Vectors.str(p, "root2")), proof);
        }
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(Merkle.emptyRoot()));
    }

    @Test
    void everyInclusionAndConsistencyProofUpToEightLeaves() {
        JsonValue.JsonObject v = Vectors.read("rfc6962_vectors.json");
        List<byte[]> leaves = leafHashes(Vectors.list(v, "leaves"));
        List<JsonValue> roots = Vectors.list(v, "roots");
        for (JsonValue p : Vectors.list(v, "inclusionAll")) {
            int size = (int) Vectors.num(p, "treeSize");
            int index = (int) Vectors.num(p, "index");
            List<byte[]> proof = Merkle.inclusionProof(leaves.subList(0, size), index);
            assertEquals(hexList(Vectors.hexes(p, "proof")), hexList(proof), index + " in " + size);
            Merkle.verifyInclusion(index, size, leaves.get(index), proof, Vectors.hex(((JsonValue.JsonString) roots.get(size)).value()));
        }
        for (JsonValue p : Vectors.list(v, "consistencyAll")) {
            int from = (int) Vectors.num(p, "fromSize");
            int to = (int) Vectors.num(p, "toSize");
            List<byte[]> proof = Merkle.consistencyProof(leaves.subList(0, to), from);
            assertEquals(hexList(Vectors.hexes(p, "proof")), hexList(proof), from + " -> " + to);
            Merkle.verifyConsistency(from, to, Vectors.hex(((JsonValue.JsonString) roots.get(from)).value()),
                    Vectors.hex(((JsonValue.JsonString) roots.get(to)).value()), proof);
        }
        for (JsonValue g : Vectors.list(v, "goldenRootsU16le")) {
            int size = (int) Vectors.num(g, "treeSize");
            List<byte[]> u16 = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                u16.add(Merkle.leafHash(new byte[] {(byte) (i & 0xff), (byte) ((i >> 8) & 0xff)}));
            }
            assertEquals(Vectors.str(g, "rootBase64"), java.util.Base64.getEncoder().encodeToString(Merkle.root(u16)), "size " + size);
        }
    }

    @Test
    void transparencyDevInclusionProbes() {
        assertProbes("td_inclusion_probes.json", c -> Merkle.verifyInclusion(Vectors.num(c, "index"), Vectors.num(c, "size"),
                Vectors.hex(Vectors.str(c, "leaf_hash")), Vectors.hexes(c, "proof"), Vectors.hex(Vectors.str(c, "root"))));
    }

    @Test
    void transparencyDevConsistencyProbes() {
        assertProbes("td_consistency_probes.json", c -> Merkle.verifyConsistency(Vectors.num(c, "size1"), Vectors.num(c, "size2"),
                Vectors.hex(Vectors.str(c, "root1")), Vectors.hex(Vectors.str(c, "root2")), Vectors.hexes(c, "proof")));
    }

    /** Every probe gets its verdict: 6 valid and 92 invalid in each file. */
    private static void assertProbes(String file, java.util.function.Consumer<JsonValue> verify) {
        int valid = 0;
        int invalid = 0;
        for (JsonValue c : Vectors.list(Vectors.read(file), "cases")) {
            boolean want = Vectors.bool(c, "want_valid");
            try {
                verify.accept(c);
                if (!want) {
                    fail("accepted " + Vectors.str(c, "file"));
                }
                valid++;
            } catch (ProofException e) {
                if (want) {
                    fail("refused " + Vectors.str(c, "file") + ": " + e.getMessage());
                }
                invalid++;
            }
        }
        assertEquals(6, valid);
        assertEquals(92, invalid);
    }

    /** The derived start-0 digests of accumulated_vectors.json: every MTH, PATH and PROOF over 130 one-byte entries. */
    @Test
    void accumulatedDigestsOverAHundredAndThirtyEntries() throws Exception {
        JsonValue.JsonObject v = Vectors.read("accumulated_vectors.json");
        JsonValue expected = Vectors.get(v, "derived_start0_only");
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            leaves.add(Merkle.leafHash(new byte[] {(byte) i}));
        }
        MessageDigest hash = MessageDigest.getInstance("SHA-256");
        MessageDigest inclusion = MessageDigest.getInstance("SHA-256");
        MessageDigest consistency = MessageDigest.getInstance("SHA-256");
        for (int end = 0; end <= 130; end++) {
            List<byte[]> tree = leaves.subList(0, end);
            hash.update(String.format("[0, %d) %s\n", end, HEX.formatHex(Merkle.root(tree))).getBytes(StandardCharsets.UTF_8));
            for (int index = 0; index < end; index++) {
                StringBuilder sb = new StringBuilder(String.format("%d [0, %d)", index, end));
                Merkle.inclusionProof(tree, index).forEach(h -> sb.append(' ').append(HEX.formatHex(h)));
                inclusion.update((sb + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        for (int n = 0; n <= 130; n++) {
            for (int end = 0; end <= n; end++) {
                StringBuilder sb = new StringBuilder(String.format("[0, %d) %d", end, n));
                Merkle.consistencyProof(leaves.subList(0, n), end).forEach(h -> sb.append(' ').append(HEX.formatHex(h)));
                consistency.update((sb + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(Vectors.str(expected, "hash"), HEX.formatHex(hash.digest()));
        assertEquals(Vectors.str(expected, "inclusion"), HEX.formatHex(inclusion.digest()));
        assertEquals(Vectors.str(expected, "consistency"), HEX.formatHex(consistency.digest()));
    }

    @Test
    void refusesOutOfRangeArguments() {
        List<byte[]> leaves = List.of(Merkle.leafHash(new byte[] {1}));
        assertThrows(IndexOutOfBoundsException.class, () -> Merkle.inclusionProof(leaves, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Merkle.consistencyProof(leaves, 2));
        ProofException e = assertThrows(ProofException.class, () -> Merkle.verifyInclusion(-1, 1, leaves.get(0), List.of(), leaves.get(0)));
        assertEquals("EL-LEDGER-PROOF", e.code());
    }

    private static List<String> hexList(List<byte[]> l) {
        return l.stream().map(HEX::formatHex).toList();
    }
}
