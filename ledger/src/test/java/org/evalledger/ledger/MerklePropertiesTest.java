package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Proofs verify for what they prove and for nothing else. */
class MerklePropertiesTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Merkle.leafHash(("entry " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Property(tries = 300)
    void anInclusionProofVerifiesOnlyItsOwnEntryIndexAndSize(@ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int rawIndex, @ForAll @IntRange(min = 0, max = 299) int rawOther) {
        List<byte[]> leaves = leaves(size);
        int index = rawIndex % size;
        byte[] root = Merkle.root(leaves);
        List<byte[]> proof = Merkle.inclusionProof(leaves, index);
        Merkle.verifyInclusion(index, size, leaves.get(index), proof, root);

        int other = rawOther % size;
        if (other != index) {
            assertThrows(ProofException.class, () -> Merkle.verifyInclusion(index, size, leaves.get(other), proof, root), "other entry");
            assertThrows(ProofException.class, () -> Merkle.verifyInclusion(other, size, leaves.get(index), proof, root), "other index");
        }
        // against the checkpoint of another size (its size and its root)
        byte[] larger = Merkle.root(leaves(size + 1));
        assertThrows(ProofException.class, () -> Merkle.verifyInclusion(index, size + 1, leaves.get(index), proof, larger), "larger size");
        if (index < size - 1) {
            byte[] smaller = Merkle.root(leaves.subList(0, size - 1));
            assertThrows(ProofException.class, () -> Merkle.verifyInclusion(index, size - 1, leaves.get(index), proof, smaller), "smaller size");
        }
        byte[] otherRoot = root.clone();
        otherRoot[0] ^= 1;
        assertThrows(ProofException.class, () -> Merkle.verifyInclusion(index, size, leaves.get(index), proof, otherRoot), "other root");
    }

    @Property(tries = 300)
    void aConsistencyProofVerifiesAndFailsWhenEitherRootChanges(@ForAll @IntRange(min = 1, max = 300) int size2,
            @ForAll @IntRange(min = 1, max = 300) int rawSize1, @ForAll @IntRange(min = 0, max = 31) int bit) {
        int size1 = 1 + (rawSize1 - 1) % size2;
        List<byte[]> leaves = leaves(size2);
        byte[] root1 = Merkle.root(leaves.subList(0, size1));
        byte[] root2 = Merkle.root(leaves);
        List<byte[]> proof = Merkle.consistencyProof(leaves, size1);
        Merkle.verifyConsistency(size1, size2, root1, root2, proof);

        byte[] bad1 = root1.clone();
        bad1[bit] ^= 1;
        byte[] bad2 = root2.clone();
        bad2[bit] ^= 1;
        assertThrows(ProofException.class, () -> Merkle.verifyConsistency(size1, size2, bad1, root2, proof), "first root changed");
        assertThrows(ProofException.class, () -> Merkle.verifyConsistency(size1, size2, root1, bad2, proof), "second root changed");
    }
}
