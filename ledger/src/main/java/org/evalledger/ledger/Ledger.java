package org.evalledger.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.VersionJump;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.Result;
import org.evalledger.core.Timestamp;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.SeriesKey;
import org.evalledger.schema.StrictJson;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.NoteKey;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.Status;
import org.evalledger.signing.Verification;
import org.evalledger.signing.VerificationKey;
import org.evalledger.signing.Verifier;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * An append-only Merkle log of signed evaluation records (LEDGER.md) on SQLite (a file path) or
 * PostgreSQL (a {@code jdbc:postgresql://} URL; the password from the URL or from
 * {@code EVALLEDGER_DB_PASSWORD}). Each entry is the JCS document
 * {@code {appendedAt, envelopeSha256, model, recordDigest, status}} whose leaf hash is in the tree,
 * stored with the envelope bytes it binds; complete-subtree hashes are stored as they complete, so
 * roots and proofs need O(log n) reads. One append (or one batch) is one transaction.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.create("hub.db", new Ledger.Setup("hub.example.org/evalledger", hubKey.publicKey(), null, false))) {
 *     Ledger.Appended a = ledger.append(envelopeBytes, verifier);
 *     String note = ledger.checkpoint(hubKey);
 *     List<byte[]> proof = ledger.inclusionProof(a.index(), ledger.size());
 * }
 * }</pre>
 *
 * <p>Thread-safe: appends are serialised (on PostgreSQL across processes too, on the state row);
 * reads may run alongside. Close it when done.
 */
public final class Ledger implements AutoCloseable {
    private static final RecordCodec CODEC = RecordCodec.standard();
    private final Store store;
    private final Setup setup;
    private final Clock clock;

    /**
     * What a ledger is created with and keeps.
     *
     * @param origin the log's name, the first line of its checkpoints (e.g. {@code hub.example.org/evalledger})
     * @param hubKey the Ed25519 public key its checkpoints are signed with
     * @param hubKeyFile where the matching private key file lives, for tools that sign checkpoints
     *     later (a hint, not a secret); may be null
     * @param allowUnsigned whether plain (unsigned) records are taken, with status UNSIGNED
     */
    public record Setup(String origin, VerificationKey hubKey, @Nullable String hubKeyFile, boolean allowUnsigned) {
        /** Checks the origin is a single non-blank line and the key is Ed25519. */
        public Setup {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(hubKey, "hubKey");
            NoteKey.of(origin, hubKey); // refuses a bad name or a non-Ed25519 key, with its reason
        }
    }

    /**
     * What an append did.
     *
     * @param index the entry's index
     * @param recordDigest the record's digest
     * @param status the status it was appended with (for an existing entry: the status stored then)
     * @param added false when these exact bytes were already in the ledger
     * @param warnings what a reviewer should know (a {@code supersedes} naming no record of the same model)
     */
    public record Appended(long index, String recordDigest, Status status, boolean added, List<String> warnings) {
        /** Copies the warnings. */
        public Appended {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The result of {@link #verify()}.
     *
     * @param treeSize the stored tree size
     * @param ok whether everything recomputed matches
     * @param firstBadIndex the first entry index where it does not, or -1
     * @param reason what did not match, or empty
     */
    public record VerifyResult(long treeSize, boolean ok, long firstBadIndex, String reason) {}

    private Ledger(Store store, Setup setup, Clock clock) {
        this.store = store;
        this.setup = setup;
        this.clock = clock;
    }

    /**
     * Creates a new ledger: the schema (Flyway) and its state row.
     *
     * @param db a file path (SQLite) or a {@code jdbc:postgresql://host:port/database?user=NAME} URL
     * @throws LedgerException {@code EL-LEDGER-EXISTS} when a ledger is already there, {@code EL-LEDGER-DB}
     */
    public static Ledger create(String db, Setup setup) {
        return create(db, setup, Clock.systemUTC());
    }

    /** {@link #create(String, Setup)} with the clock that stamps {@code appendedAt}. */
    public static Ledger create(String db, Setup setup, Clock clock) {
        Objects.requireNonNull(setup, "setup");
        Store store = Store.open(db);
        try {
            store.migrate();
            store.write(c -> {
                Optional<Setup> existing = readSetup(c, store.lockState());
                if (existing.isPresent()) {
                    throw new LedgerException(LedgerException.EXISTS, store.describe() + " already holds the ledger "
                            + existing.get().origin() + "; open it instead of creating it");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_state (id, origin, allow_unsigned, hub_key, hub_key_file, "
                        + "tree_size) VALUES (1, ?, ?, ?, ?, 0)")) {
                    ps.setString(1, setup.origin());
                    ps.setInt(2, setup.allowUnsigned() ? 1 : 0);
                    ps.setString(3, setup.hubKey().toPem());
                    ps.setString(4, setup.hubKeyFile());
                    ps.executeUpdate();
                }
                return null;
            });
            return new Ledger(store, setup, clock);
        } catch (SQLException | FlywayException e) {
            store.close();
            throw new LedgerException(LedgerException.DB, "cannot create the ledger " + store.describe() + ": " + Store.rootMessage(e), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens an existing ledger (running any newer schema migration).
     *
     * @throws LedgerException {@code EL-LEDGER-NOT-FOUND} when no ledger is there (create one first),
     *     {@code EL-LEDGER-DB}
     */
    public static Ledger open(String db) {
        return open(db, Clock.systemUTC());
    }

    /** {@link #open(String)} with the clock that stamps {@code appendedAt}. */
    public static Ledger open(String db, Clock clock) {
        if (!db.startsWith("jdbc:") && !Files.isRegularFile(Path.of(db.startsWith("sqlite:") ? db.substring(7) : db))) {
            throw new LedgerException(LedgerException.NOT_FOUND, "no ledger at " + db + "; create one with `evalledger ledger init`");
        }
        Store store = Store.open(db);
        try {
            store.migrate();
            Optional<Setup> setup = store.read(c -> readSetup(c, "SELECT origin, allow_unsigned, hub_key, hub_key_file, tree_size FROM ledger_state WHERE id = 1"));
            if (setup.isEmpty()) {
                throw new LedgerException(LedgerException.NOT_FOUND, store.describe() + " holds no ledger; create one with `evalledger ledger init`");
            }
            return new Ledger(store, setup.get(), clock);
        } catch (SQLException | FlywayException e) {
            store.close();
            throw new LedgerException(LedgerException.DB, "cannot open the ledger " + store.describe() + ": " + Store.rootMessage(e), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Optional<Setup> readSetup(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Setup(rs.getString(1), VerificationKey.fromPem(rs.getString(3)), rs.getString(4), rs.getInt(2) != 0));
        }
    }

    /** What it was created with. */
    public Setup setup() {
        return setup;
    }

    /** The log's name. */
    public String origin() {
        return setup.origin();
    }

    /** The verifier key of its checkpoints. */
    public NoteKey noteKey() {
        return NoteKey.of(setup.origin(), setup.hubKey());
    }

    /**
     * Verifies and appends one upload: a DSSE envelope, or, in a ledger created with
     * {@code allowUnsigned}, a plain record. The same bytes again return the existing entry
     * ({@code added == false}); a countersigned copy is new bytes and a new entry.
     *
     * @throws LedgerException {@code EL-LEDGER-REFUSED} for an INVALID or REVOKED envelope (with its
     *     reason code) or an unusable record, {@code EL-LEDGER-DB} when the database fails (nothing is
     *     then stored)
     */
    public Appended append(byte[] upload, Verifier verifier) {
        return appendAll(List.of(upload), verifier).get(0);
    }

    /**
     * Appends a batch in one transaction, in order: all or nothing. Uploads are verified first, in
     * parallel (on the common fork-join pool); if any is refused, nothing is stored and the
     * exception names its position.
     *
     * @throws LedgerException as {@link #append(byte[], Verifier)}
     */
    public List<Appended> appendAll(List<byte[]> uploads, Verifier verifier) {
        List<Prepared> prepared = prepareAll(uploads, verifier);
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i).refusal != null) {
                throw new LedgerException(LedgerException.REFUSED, (uploads.size() > 1 ? "upload " + (i + 1) + " of " + uploads.size() + ": " : "")
                        + prepared.get(i).refusal);
            }
        }
        return store(prepared);
    }

    /**
     * The outcome of one upload in {@link #appendEach}: appended, or refused with the reason.
     *
     * @param appended what the append did, or null when refused
     * @param refusal why it was refused ({@code INVALID EL-SIG-…: message}), or null
     */
    public record Attempt(@Nullable Appended appended, @Nullable String refusal) {}

    /**
     * Appends every acceptable upload of a batch in one transaction, in order, and reports each
     * refused one instead of failing the batch (what a hub's bulk load wants).
     *
     * @throws LedgerException {@code EL-LEDGER-DB} when the database fails (nothing is then stored)
     */
    public List<Attempt> appendEach(List<byte[]> uploads, Verifier verifier) {
        List<Prepared> prepared = prepareAll(uploads, verifier);
        List<Appended> stored = store(prepared.stream().filter(p -> p.refusal == null).toList());
        List<Attempt> out = new ArrayList<>(prepared.size());
        int next = 0;
        for (Prepared p : prepared) {
            out.add(p.refusal != null ? new Attempt(null, p.refusal) : new Attempt(stored.get(next++), null));
        }
        return out;
    }

    private List<Prepared> prepareAll(List<byte[]> uploads, Verifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        return uploads.size() > 8
                ? uploads.parallelStream().map(u -> prepareOrRefusal(u, verifier)).toList()
                : uploads.stream().map(u -> prepareOrRefusal(u, verifier)).toList();
    }

    private List<Appended> store(List<Prepared> prepared) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        try {
            return store.write(c -> appendInTransaction(c, prepared));
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "append to " + store.describe() + " failed, nothing stored: " + Store.rootMessage(e), e);
        }
    }

    /** An upload ready to store, or why it is refused. */
    private record Prepared(byte @Nullable [] stored, @Nullable String sha, @Nullable String digest, @Nullable EvaluationRecord record,
            @Nullable Status status, @Nullable String refusal) {
        static Prepared refused(String why) {
            return new Prepared(null, null, null, null, null, why);
        }
    }

    private Prepared prepareOrRefusal(byte[] upload, Verifier verifier) {
        Objects.requireNonNull(upload, "upload");
        if (setup.allowUnsigned() && !isEnvelope(upload)) {
            try {
                EvaluationRecord r = CODEC.read(upload);
                byte[] canonical = CODEC.canonical(r);
                return new Prepared(canonical, hex(sha256(canonical)), org.evalledger.schema.CanonicalJson.digestOf(canonical), r, Status.UNSIGNED, null);
            } catch (RecordFormatException e) {
                return Prepared.refused("not a valid record: " + e.getMessage());
            }
        }
        Verification v = verifier.verify(upload);
        if (v.status() == Status.INVALID || v.status() == Status.REVOKED) {
            return Prepared.refused(v.status() + " " + v.reason().map(r -> r.code()).orElse("") + ": " + v.message());
        }
        EvaluationRecord record = v.status().trusted() ? v.record() : v.unverifiedRecord().orElseThrow();
        return new Prepared(upload, hex(sha256(upload)), v.digest().orElseThrow(), record, v.status(), null);
    }

    /**
     * Whether an upload is a DSSE envelope: a JSON object with a top-level {@code payloadType} (a
     * record may carry that name inside its extensions, never at its top level). Bytes that are not
     * JSON count as a record, whose reading then reports the parse error.
     */
    private static boolean isEnvelope(byte[] upload) {
        try {
            return StrictJson.parse(upload, ParseLimits.DEFAULT) instanceof JsonValue.JsonObject o && o.members().containsKey("payloadType");
        } catch (RecordFormatException e) {
            return false;
        }
    }

    private List<Appended> appendInTransaction(Connection c, List<Prepared> batch) throws SQLException {
        long size;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(store.lockState())) {
            if (!rs.next()) {
                throw new SQLException("the ledger_state row is missing");
            }
            size = rs.getLong(5);
        }
        List<Appended> out = new ArrayList<>(batch.size());
        Map<String, Appended> inBatch = new HashMap<>();
        Map<String, String> batchModels = new HashMap<>(); // record digest -> model, of this batch
        Map<Long, byte[]> newNodes = new HashMap<>();
        try (PreparedStatement existing = c.prepareStatement("SELECT idx, record_digest, status FROM entries WHERE envelope_sha256 = ?");
                PreparedStatement insertEntry = c.prepareStatement("INSERT INTO entries (idx, entry, envelope, envelope_sha256, "
                        + "record_digest, model, status, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement insertNode = c.prepareStatement("INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)");
                PreparedStatement readNode = c.prepareStatement("SELECT hash FROM nodes WHERE level = ? AND idx = ?");
                PreparedStatement supersededModel = c.prepareStatement("SELECT model FROM entries WHERE record_digest = ?")) {
            for (Prepared p : batch) {
                Appended seen = inBatch.get(p.sha);
                if (seen == null) {
                    existing.setString(1, p.sha);
                    try (ResultSet rs = existing.executeQuery()) {
                        if (rs.next()) {
                            seen = new Appended(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), false, List.of());
                        }
                    }
                }
                if (seen != null) {
                    out.add(new Appended(seen.index(), seen.recordDigest(), seen.status(), false, List.of()));
                    continue;
                }
                long index = size++;
                String model = p.record.model().id();
                List<String> warnings = new ArrayList<>();
                String supersedes = p.record.supersedes();
                if (supersedes != null) {
                    String was = batchModels.get(supersedes);
                    if (was == null) {
                        supersededModel.setString(1, supersedes);
                        try (ResultSet rs = supersededModel.executeQuery()) {
                            was = rs.next() ? rs.getString(1) : null;
                        }
                    }
                    if (!model.equals(was)) {
                        warnings.add("supersedes " + supersedes + ", which is no record of " + model + " in this ledger");
                    }
                }
                String appendedAt = Timestamp.of(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).text();
                byte[] entry = entryDocument(appendedAt, p.sha, model, p.digest, p.status);
                insertEntry.setLong(1, index);
                insertEntry.setBytes(2, entry);
                insertEntry.setBytes(3, p.stored);
                insertEntry.setString(4, p.sha);
                insertEntry.setString(5, p.digest);
                insertEntry.setString(6, model);
                insertEntry.setString(7, p.status.name());
                insertEntry.setString(8, appendedAt);
                insertEntry.executeUpdate();
                byte[] node = Merkle.leafHash(entry);
                putNode(insertNode, newNodes, 0, index, node);
                long i = index;
                int level = 0;
                while ((i & 1) == 1) {
                    byte[] left = newNodes.get(nodeKey(level, i - 1));
                    node = Merkle.nodeHash(left != null ? left : node(readNode, level, i - 1), node);
                    i >>= 1;
                    level++;
                    putNode(insertNode, newNodes, level, i, node);
                }
                Appended a = new Appended(index, p.digest, p.status, true, warnings);
                inBatch.put(p.sha, a);
                batchModels.put(p.digest, model);
                out.add(a);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_state SET tree_size = ? WHERE id = 1")) {
            ps.setLong(1, size);
            ps.executeUpdate();
        }
        return out;
    }

    private static long nodeKey(int level, long index) {
        return ((long) level << 57) | index;
    }

    private static void putNode(PreparedStatement insert, Map<Long, byte[]> cache, int level, long index, byte[] hash) throws SQLException {
        insert.setInt(1, level);
        insert.setLong(2, index);
        insert.setBytes(3, hash);
        insert.executeUpdate();
        cache.put(nodeKey(level, index), hash);
    }

    private static byte[] node(PreparedStatement read, int level, long index) throws SQLException {
        read.setInt(1, level);
        read.setLong(2, index);
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("subtree hash (" + level + ", " + index + ") is missing; run `ledger verify`");
            }
            return rs.getBytes(1);
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
        return read("read the tree size", this::size);
    }

    private long size(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT tree_size FROM ledger_state WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The entry document of an index, if there is one. */
    public Optional<byte[]> entry(long index) {
        return read("read entry " + index, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT entry FROM entries WHERE idx = ? AND idx < (SELECT tree_size FROM ledger_state)")) {
                ps.setLong(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The stored upload bytes (envelope, or canonical record when unsigned) of an index, if there is one. */
    public Optional<byte[]> envelope(long index) {
        return read("read entry " + index, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT envelope FROM entries WHERE idx = ?")) {
                ps.setLong(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The indexes of the entries of a record digest, in log order (one per distinct upload of it). */
    public List<Long> indexesOf(String recordDigest) {
        return read("look up " + recordDigest, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT idx FROM entries WHERE record_digest = ? ORDER BY idx")) {
                ps.setString(1, recordDigest);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** The root of the first {@code size} entries. */
    public byte[] root(long size) {
        return read("compute a root", c -> {
            checkSize(c, size);
            return size == 0 ? Merkle.emptyRoot() : withHashes(c, h -> h.mth(0, size));
        });
    }

    /** The audit path of entry {@code index} in the tree of the first {@code size} entries. */
    public List<byte[]> inclusionProof(long index, long size) {
        return read("build an inclusion proof", c -> {
            checkSize(c, size);
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " is not inside size " + size);
            }
            return withHashes(c, h -> Merkle.inclusionProof(h, index, size));
        });
    }

    /** The consistency proof from the first {@code from} entries to the first {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        return read("build a consistency proof", c -> {
            checkSize(c, to);
            if (from < 0 || from > to) {
                throw new IndexOutOfBoundsException("from " + from + " outside [0, " + to + "]");
            }
            return withHashes(c, h -> Merkle.consistencyProof(h, from, to));
        });
    }

    /**
     * Signs a checkpoint of the current size with the hub's key, stores it and returns the note.
     *
     * @throws LedgerException {@code EL-LEDGER-KEY} when the key is not the one the ledger was created with
     */
    public String checkpoint(SigningKey hubKey) {
        if (!Arrays.equals(hubKey.publicKey().spki(), setup.hubKey().spki())) {
            throw new LedgerException(LedgerException.KEY, "this is not the hub key of " + setup.origin() + " (its key id is "
                    + setup.hubKey().keyId() + ", this key's is " + hubKey.publicKey().keyId() + ")");
        }
        try {
            return store.write(c -> {
                long size;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(store.lockState())) {
                    rs.next();
                    size = rs.getLong(5);
                }
                byte[] root = size == 0 ? Merkle.emptyRoot() : withHashes(c, h -> h.mth(0, size));
                String note = Checkpoint.of(setup.origin(), size, root).sign(hubKey);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoints (tree_size, root, note) VALUES (?, ?, ?) "
                        + "ON CONFLICT (tree_size) DO UPDATE SET root = excluded.root, note = excluded.note")) {
                    ps.setLong(1, size);
                    ps.setBytes(2, root);
                    ps.setString(3, note);
                    ps.executeUpdate();
                }
                return note;
            });
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot store the checkpoint: " + Store.rootMessage(e), e);
        }
    }

    /** The stored signed checkpoint of this size, if one was issued. */
    public Optional<String> checkpointAt(long size) {
        return read("read a checkpoint", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT note FROM checkpoints WHERE tree_size = ?")) {
                ps.setLong(1, size);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The latest stored signed checkpoint, if any. */
    public Optional<String> latestCheckpoint() {
        return read("read a checkpoint", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT note FROM checkpoints ORDER BY tree_size DESC LIMIT 1")) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * A model's history (LEDGER.md "History"): every version of every metric, optionally of one
     * benchmark and/or metric, in log order, with the delta from the previous version of the same
     * series and, given a fitted detector, S3's verdict on that step. Each stored envelope is checked
     * against its entry's {@code envelopeSha256} as it is read.
     *
     * @param detector a detector fitted on a reference population, or null for no jump verdicts
     * @throws LedgerException {@code EL-LEDGER-DB}, or {@code EL-LEDGER-TAMPERED} when a stored
     *     envelope no longer matches its entry
     */
    public List<HistoryEntry> history(String model, @Nullable String benchmark, @Nullable String metric, @Nullable AnomalyDetector detector) {
        Objects.requireNonNull(model, "model");
        record Version(long index, String appendedAt, Status status, String digest, EvaluationRecord record) {}
        List<Version> versions = read("read the history of " + model, c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, envelope, entry, appended_at, status, record_digest "
                    + "FROM entries WHERE model = ? AND idx < (SELECT tree_size FROM ledger_state) ORDER BY idx")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long index = rs.getLong(1);
                        byte[] stored = rs.getBytes(2);
                        String sha = hex(sha256(stored));
                        EvaluationRecord record = null;
                        if (new String(rs.getBytes(3), StandardCharsets.UTF_8).contains("\"envelopeSha256\":\"" + sha + "\"")) {
                            try {
                                record = recordOf(stored, statusOf(rs.getString(5)));
                            } catch (RuntimeException e) {
                                record = null; // bytes that match the entry but do not parse: the entry itself was forged
                            }
                        }
                        if (record == null) {
                            throw new LedgerException(LedgerException.TAMPERED, "the stored envelope of entry " + index
                                    + " does not match its hashed entry; run `ledger verify`");
                        }
                        out.add(new Version(index, rs.getString(4), statusOf(rs.getString(5)), rs.getString(6), record));
                    }
                }
            }
            return out;
        });
        Map<String, String> supersededBy = new HashMap<>();
        for (Version v : versions) {
            if (v.record.supersedes() != null) {
                supersededBy.putIfAbsent(v.record.supersedes(), v.digest);
            }
        }
        List<HistoryEntry> out = new ArrayList<>();
        Map<SeriesKey, HistoryEntry> last = new HashMap<>();
        Map<SeriesKey, EvaluationRecord> lastRecord = new HashMap<>();
        for (Version v : versions) {
            for (Result r : v.record.results()) {
                if (benchmark != null && !benchmark.equals(r.task().benchmark())) {
                    continue;
                }
                for (Metric m : r.metrics()) {
                    if (metric != null && !metric.equals(m.id())) {
                        continue;
                    }
                    SeriesKey key = SeriesKey.of(v.record, r, m);
                    HistoryEntry prev = last.get(key);
                    Double delta = prev == null ? null : m.value() - prev.value();
                    VersionJump jump = null;
                    if (prev != null && detector != null) {
                        for (VersionJump j : detector.versionJumps(lastRecord.get(key), v.record)) {
                            if (j.benchmark().equals(r.task().benchmark()) && j.metric().equals(m.id())) {
                                jump = j;
                            }
                        }
                    }
                    HistoryEntry h = new HistoryEntry(v.index, v.digest, v.appendedAt, v.record.createdAt().text(), v.record.producer().name(),
                            key, m.value(), m.stderr() == null ? null : m.stderr().value(), v.status, v.record.supersedes(),
                            supersededBy.get(v.digest), delta, jump);
                    last.put(key, h);
                    lastRecord.put(key, v.record);
                    out.add(h);
                }
            }
        }
        return out;
    }

    /**
     * The record inside stored upload bytes: a plain record when it was appended UNSIGNED, else the
     * predicate of the envelope's Statement.
     */
    static EvaluationRecord recordOf(byte[] stored, Status status) {
        if (status == Status.UNSIGNED) {
            return CODEC.read(stored);
        }
        JsonValue statement = StrictJson.parse(Envelope.parse(stored).payload(), ParseLimits.DEFAULT);
        JsonValue predicate = ((JsonValue.JsonObject) statement).members().get("predicate");
        return CODEC.read(StrictJson.canonical(predicate));
    }

    /**
     * Recomputes the whole log from the stored entries: entry order and count, every envelope's
     * SHA-256 against its entry, the indexed columns against the hashed entry, every leaf and
     * subtree hash, and every stored checkpoint (its root and its signature by the hub key).
     * Names the first bad index. Reads one consistent snapshot; memory is 32 bytes per entry.
     */
    public VerifyResult verify() {
        return read("verify the ledger", this::verify);
    }

    private VerifyResult verify(Connection c) throws SQLException {
        long size = size(c);
        if (size > Integer.MAX_VALUE - 8) {
            throw new LedgerException(LedgerException.DB, "verify holds every leaf hash in memory and supports up to 2^31 entries");
        }
        byte[][] leaves = new byte[(int) size][];
        long count = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT idx, entry, envelope, envelope_sha256, record_digest, model, status, appended_at "
                    + "FROM entries ORDER BY idx")) {
                while (rs.next()) {
                    long idx = rs.getLong(1);
                    if (idx != count) {
                        return bad(size, Math.min(count, size), idx < count ? "entry " + idx + " appears twice" : "entry " + count + " is missing");
                    }
                    if (idx >= size) {
                        return bad(size, size, "entry " + idx + " lies beyond the tree size " + size);
                    }
                    byte[] entry = rs.getBytes(2);
                    String sha = hex(sha256(rs.getBytes(3)));
                    String doc = new String(entry, StandardCharsets.UTF_8);
                    if (!sha.equals(rs.getString(4)) || !doc.contains("\"envelopeSha256\":\"" + sha + "\"")) {
                        return bad(size, idx, "the stored envelope does not match its entry's envelopeSha256");
                    }
                    byte[] columns = entryDocument(rs.getString(8), sha, rs.getString(6), rs.getString(5), statusOf(rs.getString(7)));
                    if (!Arrays.equals(columns, entry)) {
                        return bad(size, idx, "the indexed columns (time, model, digest, status) differ from the hashed entry");
                    }
                    leaves[(int) idx] = Merkle.leafHash(entry);
                    count++;
                }
            }
        }
        if (count != size) {
            return bad(size, count, "the tree size is " + size + " but " + count + " entries are stored");
        }
        // every level of complete subtrees, recomputed bottom-up and compared with the stored nodes
        List<byte[][]> levels = new ArrayList<>();
        levels.add(leaves);
        for (byte[][] below = leaves; below.length >= 2; ) {
            byte[][] up = new byte[below.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = Merkle.nodeHash(below[2 * i], below[2 * i + 1]);
            }
            levels.add(up);
            below = up;
        }
        // merge the stored nodes, ordered by (level, idx), with the expected ones; a bad node whose
        // range holds a bad node of a lower level is explained by it, so the first index named is a cause
        java.util.TreeSet<Long> badStarts = new java.util.TreeSet<>();
        long firstBad = Long.MAX_VALUE;
        String why = "";
        int level = 0;
        long next = 0; // the next expected node is (level, next)
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT level, idx, hash FROM nodes ORDER BY level, idx")) {
                boolean more = rs.next();
                while (more || level < levels.size()) {
                    if (level < levels.size() && next >= levels.get(level).length) {
                        level++;
                        next = 0;
                        continue;
                    }
                    int l = more ? rs.getInt(1) : Integer.MAX_VALUE;
                    long i = more ? rs.getLong(2) : 0;
                    int order = level >= levels.size() ? -1 : l != level ? Integer.compare(l, level) : Long.compare(i, next);
                    String problem = null;
                    long start = 0;
                    long end = 0;
                    if (order < 0) { // a stored node that is not part of the tree
                        start = Math.min(l >= 63 || i >= (1L << (62 - Math.min(l, 62))) ? size : i << l, size);
                        end = Long.MAX_VALUE;
                        problem = "a stored subtree hash (" + l + ", " + i + ") lies outside the tree or is repeated";
                        more = rs.next();
                    } else if (order > 0) { // an expected node that is not stored
                        start = next << level;
                        end = (next + 1) << level;
                        problem = "the stored subtree hash (" + level + ", " + next + ") is missing";
                        next++;
                    } else {
                        if (!MessageDigest.isEqual(rs.getBytes(3), levels.get(level)[(int) next])) {
                            start = next << level;
                            end = (next + 1) << level;
                            problem = level == 0 ? "the stored leaf hash of entry " + next + " does not match the entry"
                                    : "the stored subtree hash over entries " + start + " to " + (end - 1) + " is wrong";
                        }
                        next++;
                        more = rs.next();
                    }
                    if (problem != null) {
                        Long inside = badStarts.ceiling(start);
                        if (inside == null || inside >= end) {
                            badStarts.add(start);
                            if (start < firstBad) {
                                firstBad = start;
                                why = problem;
                            }
                        }
                    }
                }
            }
        }
        if (firstBad != Long.MAX_VALUE) {
            return bad(size, firstBad, why);
        }
        Merkle.Hashes computed = (from, to) -> mth(levels, from, to);
        List<NoteKey> hubKey = List.of(noteKey());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT tree_size, root, note FROM checkpoints ORDER BY tree_size")) {
            while (rs.next()) {
                long n = rs.getLong(1);
                if (n > size) {
                    return bad(size, size, "a checkpoint at size " + n + " lies beyond the tree");
                }
                byte[] root = n == 0 ? Merkle.emptyRoot() : computed.mth(0, n);
                if (!MessageDigest.isEqual(rs.getBytes(2), root)) {
                    return bad(size, n == 0 ? 0 : n - 1, "the checkpoint at size " + n + " does not match the entries");
                }
                try {
                    Checkpoint cp = Checkpoint.open(rs.getString(3), hubKey);
                    if (cp.treeSize() != n || !MessageDigest.isEqual(cp.rootHash(), root) || !cp.origin().equals(setup.origin())) {
                        return bad(size, n == 0 ? 0 : n - 1, "the signed checkpoint note at size " + n + " does not match the entries");
                    }
                } catch (RuntimeException e) {
                    return bad(size, n == 0 ? 0 : n - 1, "the checkpoint note at size " + n + " does not verify with the hub key: " + e.getMessage());
                }
            }
        }
        return new VerifyResult(size, true, -1, "");
    }

    private static VerifyResult bad(long size, long index, String reason) {
        return new VerifyResult(size, false, index, reason);
    }

    private static byte[] mth(List<byte[][]> levels, long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n))[(int) (from / n)];
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(mth(levels, from, from + k), mth(levels, from + k, to));
    }

    private static Status statusOf(String s) {
        try {
            return Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Status.INVALID; // an edited status column: the rebuilt document will not match
        }
    }

    /** A unit of work over the stored complete subtrees. */
    private interface HashesWork<T> {
        T run(Merkle.Hashes hashes) throws SQLException;
    }

    /** Stored complete subtrees, assembled into any range's MTH with one prepared statement. */
    private static <T> T withHashes(Connection c, HashesWork<T> work) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT hash FROM nodes WHERE level = ? AND idx = ?")) {
            Merkle.Hashes hashes = new Merkle.Hashes() {
                @Override
                public byte[] mth(long from, long to) {
                    long n = to - from;
                    if (Long.bitCount(n) == 1 && from % n == 0) {
                        try {
                            return node(read, Long.numberOfTrailingZeros(n), from / n);
                        } catch (SQLException e) {
                            throw new LedgerException(LedgerException.DB, "cannot read a subtree hash: " + Store.rootMessage(e), e);
                        }
                    }
                    long k = Merkle.split(n);
                    return Merkle.nodeHash(mth(from, from + k), mth(from + k, to));
                }
            };
            return work.run(hashes);
        }
    }

    private void checkSize(Connection c, long size) throws SQLException {
        long n = size(c);
        if (size < 0 || size > n) {
            throw new IndexOutOfBoundsException("size " + size + " outside [0, " + n + "]");
        }
    }

    private <T> T read(String what, Store.Work<T> work) {
        try {
            return store.read(work);
        } catch (SQLException e) {
            throw new LedgerException(LedgerException.DB, "cannot " + what + " in " + store.describe() + ": " + Store.rootMessage(e), e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
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
        store.close();
    }
}
