package org.evalledger.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Timestamp;
import org.evalledger.ledger.internal.V1__Ledger;
import org.evalledger.schema.StrictJson;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.Status;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An append-only Merkle log of signed evaluation records on SQLite (LEDGER.md): each entry is the
 * JCS document {@code {appendedAt, envelopeSha256, model, recordDigest, status}} whose leaf hash is
 * in the tree, stored with the envelope bytes it binds; complete-subtree hashes are stored as they
 * complete, so roots and proofs need O(log n) reads. One append is one transaction.
 *
 * <p>Thread-safe: appends are serialised; reads may run alongside. Close it when done.
 * <b>In progress:</b> PostgreSQL, history queries, batched appends and the CLI of LEDGER.md are not
 * built yet.
 */
public final class Ledger implements AutoCloseable {
    private final Connection db;
    private final String origin;
    private final Verifier verifier;
    private final Clock clock;
    private final Object writeLock = new Object();

    /** What an append did. */
    public record Appended(long index, String recordDigest, Status status, boolean added) {}

    private Ledger(Connection db, String origin, Verifier verifier, Clock clock) {
        this.db = db;
        this.origin = origin;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Opens (creating when new) the SQLite ledger in this file: WAL journal, {@code synchronous=FULL},
     * schema migrated by Flyway. A new file takes this origin; an existing one must have it.
     *
     * @throws LedgerException {@code EL-LEDGER-DB} or {@code EL-LEDGER-ORIGIN}
     */
    public static Ledger openSqlite(Path file, String origin, Verifier verifier, Clock clock) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Flyway.configure().loggers("slf4j").dataSource(ds).javaMigrations(new V1__Ledger("sqlite")).locations(new String[0]).load().migrate();
            Connection c = ds.getConnection();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT origin FROM ledger_state WHERE id = 1")) {
                if (rs.next()) {
                    String stored = rs.getString(1);
                    if (!stored.equals(origin)) {
                        c.close();
                        throw new LedgerException(LedgerException.ORIGIN, file + " holds the log " + stored + ", not " + origin);
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO ledger_state (id, origin, allow_unsigned, tree_size) VALUES (1, ?, 0, 0)")) {
                        ps.setString(1, origin);
                        ps.executeUpdate();
                    }
                }
            }
            c.commit();
            return new Ledger(c, origin, verifier, clock);
        } catch (SQLException | FlywayException e) {
            throw new LedgerException(LedgerException.DB, "cannot open the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** The log's name. */
    public String origin() {
        return origin;
    }

    /**
     * Verifies and appends an envelope. The same bytes again return the existing entry
     * ({@code added == false}); a countersigned copy is new bytes and a new entry.
     *
     * @throws LedgerException {@code EL-LEDGER-REFUSED} for an INVALID or REVOKED envelope (with its reason
     *     code), {@code EL-LEDGER-DB} when the database fails (nothing is then stored)
     */
    public Appended append(byte[] envelope) {
        Verification v = verifier.verify(envelope);
        if (v.status() == Status.INVALID || v.status() == Status.REVOKED) {
            throw new LedgerException(LedgerException.REFUSED, v.status() + " " + v.reason().map(r -> r.code()).orElse("") + ": "
                    + v.message());
        }
        EvaluationRecord record = v.status().trusted() ? v.record() : v.unverifiedRecord().orElseThrow();
        String digest = v.digest().orElseThrow();
        String envelopeSha = HexFormat.of().formatHex(sha256(envelope));
        synchronized (writeLock) {
            try {
                try (PreparedStatement ps = db.prepareStatement("SELECT idx, record_digest, status FROM entries WHERE envelope_sha256 = ?")) {
                    ps.setString(1, envelopeSha);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            db.rollback();
                            return new Appended(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), false);
                        }
                    }
                }
                long index = size();
                String appendedAt = Timestamp.of(clock.instant()).text();
                byte[] entry = entryDocument(appendedAt, envelopeSha, record.model().id(), digest, v.status());
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO entries (idx, entry, envelope, envelope_sha256, record_digest, "
                        + "model, status, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, index);
                    ps.setBytes(2, entry);
                    ps.setBytes(3, envelope);
                    ps.setString(4, envelopeSha);
                    ps.setString(5, digest);
                    ps.setString(6, record.model().id());
                    ps.setString(7, v.status().name());
                    ps.setString(8, appendedAt);
                    ps.executeUpdate();
                }
                byte[] node = Merkle.leafHash(entry);
                putNode(0, index, node);
                long i = index;
                int level = 0;
                while ((i & 1) == 1) {
                    node = Merkle.nodeHash(node(level, i - 1), node);
                    i >>= 1;
                    level++;
                    putNode(level, i, node);
                }
                try (PreparedStatement ps = db.prepareStatement("UPDATE ledger_state SET tree_size = ? WHERE id = 1")) {
                    ps.setLong(1, index + 1);
                    ps.executeUpdate();
                }
                db.commit();
                return new Appended(index, digest, v.status(), true);
            } catch (SQLException e) {
                rollbackQuietly();
                throw new LedgerException(LedgerException.DB, "append failed, nothing stored: " + e.getMessage(), e);
            }
        }
    }

    /** The entry document's JCS bytes. */
    static byte[] entryDocument(String appendedAt, String envelopeSha, String model, String digest, Status status) {
        Map<String, JsonValue> m = new TreeMap<>();
        m.put("appendedAt", new JsonValue.JsonString(appendedAt));
        m.put("envelopeSha256", new JsonValue.JsonString(envelopeSha));
        m.put("model", new JsonValue.JsonString(model));
        m.put("recordDigest", new JsonValue.JsonString(digest));
        m.put("status", new JsonValue.JsonString(status.name()));
        return StrictJson.canonical(new JsonValue.JsonObject(m));
    }

    /** Number of entries. */
    public long size() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT tree_size FROM ledger_state WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot read the tree size: " + e.getMessage(), e);
        }
    }

    /** The entry document of an index, if there is one. */
    public Optional<byte[]> entry(long index) {
        try (PreparedStatement ps = db.prepareStatement("SELECT entry FROM entries WHERE idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot read entry " + index + ": " + e.getMessage(), e);
        }
    }

    /** The root of the first {@code size} entries. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? Merkle.emptyRoot() : hashes().mth(0, size);
    }

    /** The audit path of entry {@code index} in the tree of the first {@code size} entries. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is not inside size " + size);
        }
        return Merkle.inclusionProof(hashes(), index, size);
    }

    /** The consistency proof from the first {@code from} entries to the first {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        checkSize(to);
        if (from < 0 || from > to) {
            throw new IndexOutOfBoundsException("from " + from + " outside [0, " + to + "]");
        }
        return Merkle.consistencyProof(hashes(), from, to);
    }

    /** Signs a checkpoint of the current size with the hub's key, stores it and returns the note. */
    public String checkpoint(SigningKey hubKey) {
        synchronized (writeLock) {
            long size = size();
            String note = Checkpoint.of(origin, size, root(size)).sign(hubKey);
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO checkpoints (tree_size, root, note) VALUES (?, ?, ?)")) {
                ps.setLong(1, size);
                ps.setBytes(2, root(size));
                ps.setString(3, note);
                ps.executeUpdate();
                db.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new LedgerException(LedgerException.DB, "cannot store the checkpoint: " + e.getMessage(), e);
            }
            return note;
        }
    }

    /** The result of {@link #verify()}. */
    public record VerifyResult(long treeSize, boolean ok, long firstBadIndex, String reason) {}

    /**
     * Recomputes the whole log from the stored entries: entry order and count, every leaf and
     * subtree hash, every envelope's SHA-256 against its entry, every stored checkpoint's root.
     * Names the first bad index.
     */
    public VerifyResult verify() {
        long size = size();
        List<byte[]> leaves = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT idx, entry, envelope, envelope_sha256, record_digest, model, status, appended_at "
                        + "FROM entries ORDER BY idx")) {
            long expected = 0;
            while (rs.next()) {
                long idx = rs.getLong(1);
                if (idx != expected) {
                    return new VerifyResult(size, false, expected, "entry " + expected + " is missing");
                }
                byte[] entry = rs.getBytes(2);
                String sha = HexFormat.of().formatHex(sha256(rs.getBytes(3)));
                String doc = new String(entry, StandardCharsets.UTF_8);
                if (!sha.equals(rs.getString(4)) || !doc.contains("\"envelopeSha256\":\"" + sha + "\"")) {
                    return new VerifyResult(size, false, idx, "the stored envelope does not match its entry's envelopeSha256");
                }
                byte[] columns = entryDocument(rs.getString(8), sha, rs.getString(6), rs.getString(5), statusOf(rs.getString(7)));
                if (!java.util.Arrays.equals(columns, entry)) {
                    return new VerifyResult(size, false, idx, "the indexed columns (time, model, digest, status) differ from the hashed entry");
                }
                leaves.add(Merkle.leafHash(entry));
                expected++;
            }
            if (expected != size) {
                return new VerifyResult(size, false, Math.min(expected, size), "the tree size is " + size + " but " + expected + " entries are stored");
            }
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot read the entries: " + e.getMessage(), e);
        }
        for (long i = 0; i < size; i++) {
            if (!MessageDigest.isEqual(node(0, i), leaves.get((int) i))) {
                return new VerifyResult(size, false, i, "the stored leaf hash of entry " + i + " does not match the entry");
            }
        }
        for (int level = 1; (1L << level) <= size; level++) {
            for (long i = 0; (i + 1) << level <= size; i++) {
                byte[] expected = Merkle.root(leaves.subList((int) (i << level), (int) ((i + 1) << level)));
                if (!MessageDigest.isEqual(node(level, i), expected)) {
                    return new VerifyResult(size, false, i << level, "a stored subtree hash over entries from " + (i << level) + " is wrong");
                }
            }
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT tree_size, root FROM checkpoints ORDER BY tree_size")) {
            while (rs.next()) {
                long n = rs.getLong(1);
                if (n > size || !MessageDigest.isEqual(rs.getBytes(2), Merkle.root(leaves.subList(0, (int) n)))) {
                    return new VerifyResult(size, false, Math.min(n, size), "the checkpoint at size " + n + " does not match the entries");
                }
            }
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot read the checkpoints: " + e.getMessage(), e);
        }
        return new VerifyResult(size, true, -1, "");
    }

    private static Status statusOf(String s) {
        try {
            return Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Status.INVALID; // an edited status column: the rebuilt document will not match
        }
    }

    private Merkle.Hashes hashes() {
        return this::mth;
    }

    /** MTH of [from, to): a stored node when the range is a complete aligned subtree, else split. */
    private byte[] mth(long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return node(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(mth(from, from + k), mth(from + k, to));
    }

    private byte[] node(int level, long index) {
        try (PreparedStatement ps = db.prepareStatement("SELECT hash FROM nodes WHERE level = ? AND idx = ?")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerException(LedgerException.DB, "subtree hash (" + level + ", " + index + ") is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot read a subtree hash: " + e.getMessage(), e);
        }
    }

    private void putNode(int level, long index, byte[] hash) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            ps.setBytes(3, hash);
            ps.executeUpdate();
        }
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IndexOutOfBoundsException("size " + size + " outside [0, " + size() + "]");
        }
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the transaction did not commit
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot close the ledger: " + e.getMessage(), e);
        }
    }
}
