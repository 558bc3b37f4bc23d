package org.evalledger.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.evalledger.signing.NoteException;
import org.evalledger.signing.NoteKey;
import org.evalledger.signing.SignedNote;
import org.evalledger.signing.SigningKey;

/**
 * A C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its size and the root hash
 * of its first {@code treeSize} entries, optionally followed by extension lines; signed by the hub
 * as a C2SP signed note whose key name is the origin. Immutable and thread-safe.
 *
 * @param origin the log's name, e.g. {@code hub.example.org/evalledger}; one non-empty line
 * @param treeSize number of entries
 * @param rootHash the Merkle root of those entries
 * @param extensions further non-empty lines, signed with the rest
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    /** @throws IllegalArgumentException naming what is wrong */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the origin must be one non-empty line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("the tree size must be >= 0, got " + treeSize);
        }
        rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("extension lines must be non-empty single lines");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public static Checkpoint of(String origin, long treeSize, byte[] rootHash) {
        return new Checkpoint(origin, treeSize, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, base64 root, extension lines, each ending in a newline. */
    public String body() {
        StringBuilder sb = new StringBuilder().append(origin).append('\n').append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /**
     * Parses a checkpoint body strictly: a decimal size without leading zeros, canonical standard
     * base64 for the root, non-empty extension lines.
     *
     * @throws ProofException ({@code EL-LEDGER-PROOF}) naming what is wrong
     */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new ProofException("a checkpoint body ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new ProofException("a checkpoint has an origin, a size and a root hash line");
        }
        if (lines[0].isEmpty()) {
            throw new ProofException("the checkpoint's origin line is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new ProofException("the checkpoint's size is not a decimal number without leading zeros: " + lines[1]);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new ProofException("the checkpoint's size is too large: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the checkpoint's root hash is not base64");
        }
        if (root.length == 0 || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new ProofException("the checkpoint's root hash is not canonical base64");
        }
        List<String> ext = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        if (ext.stream().anyMatch(String::isEmpty)) {
            throw new ProofException("a checkpoint's extension lines must not be empty");
        }
        return new Checkpoint(lines[0], size, root, ext);
    }

    /** Signs the body as a C2SP note with the hub's Ed25519 key under the origin as key name. */
    public String sign(SigningKey hubKey) {
        return SignedNote.sign(body(), origin, hubKey);
    }

    /**
     * Opens a signed checkpoint: its signature by one of these keys must verify, and its body parse.
     *
     * @throws NoteException when the note is malformed or not signed by a known key
     * @throws ProofException when the body is not a checkpoint
     */
    public static Checkpoint open(String note, Collection<NoteKey> hubKeys) {
        return parse(SignedNote.open(note, hubKeys).text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.treeSize == treeSize && Arrays.equals(c.rootHash, rootHash)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + treeSize + ", " + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
