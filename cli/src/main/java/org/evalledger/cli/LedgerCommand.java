package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.VersionJump;
import org.evalledger.ledger.Checkpoint;
import org.evalledger.ledger.HistoryEntry;
import org.evalledger.ledger.Ledger;
import org.evalledger.ledger.LedgerException;
import org.evalledger.ledger.Merkle;
import org.evalledger.ledger.ProofException;
import org.evalledger.signing.KeyException;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.NoteException;
import org.evalledger.signing.NoteKey;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.VerificationKey;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code evalledger ledger …}: the tamper-evident history of LEDGER.md. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The tamper-evident history: an append-only Merkle log with signed checkpoints and offline-verifiable proofs.",
        subcommands = {LedgerCommand.Init.class, LedgerCommand.Append.class, LedgerCommand.History.class, LedgerCommand.CheckpointCmd.class,
                LedgerCommand.Prove.class, LedgerCommand.Consistency.class, LedgerCommand.VerifyLog.class, LedgerCommand.VerifyProof.class})
final class LedgerCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;
    /** The population {@link Main#run} started before the parse for {@code ledger history}, if any. */
    @Nullable EarlyPopulation early;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "ledger needs a subcommand: init, append, history, checkpoint, prove, consistency, verify, verify-proof");
    }

    /** Options and helpers every database subcommand shares. */
    abstract static class OnDb implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        FormatOption format;
        @Option(names = "--db", required = true, paramLabel = "URL",
                description = "A file path (SQLite) or jdbc:postgresql://host:port/database?user=NAME (password from EVALLEDGER_DB_PASSWORD).")
        String db;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Ledger open() {
            return Ledger.open(db);
        }

        @Override
        public final Integer call() {
            try {
                return run();
            } catch (LedgerException e) {
                if (e.code().equals(LedgerException.TAMPERED)) {
                    spec.commandLine().getErr().println("evalledger: " + e.getMessage());
                    return Main.FAILED;
                }
                throw new UsageException(e.getMessage());
            }
        }

        abstract int run();
    }

    static SigningKey privateKey(Path file) {
        Inputs.expand(List.of(file), false);
        try {
            return KeyFiles.readPrivate(file);
        } catch (KeyException e) {
            throw new UsageException("cannot use key " + file + ": " + e.getMessage());
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static Map<String, Object> checkpointJson(String note) {
        Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
        Map<String, Object> m = Json.obj();
        m.put("origin", cp.origin());
        m.put("treeSize", cp.treeSize());
        m.put("rootHash", hex(cp.rootHash()));
        m.put("note", note);
        return m;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Creates a ledger: its tables and its origin, hub key and policy for unsigned records.")
    static final class Init extends OnDb {
        @Option(names = "--origin", required = true, paramLabel = "NAME", description = "The log's name, e.g. hub.example.org/evalledger.")
        String origin;
        @Option(names = "--key", required = true, paramLabel = "HUBKEY", description = "The hub's Ed25519 private key (PEM); its path is remembered for checkpoints.")
        Path key;
        @Option(names = "--allow-unsigned", description = "Also take plain records (status UNSIGNED).")
        boolean allowUnsigned;

        @Override
        int run() {
            SigningKey hub = privateKey(key);
            Ledger.Setup setup;
            try {
                setup = new Ledger.Setup(origin, hub.publicKey(), key.toAbsolutePath().toString(), allowUnsigned);
            } catch (IllegalArgumentException | NoteException e) {
                throw new UsageException("cannot make a ledger with origin " + origin + " and key " + key + ": " + e.getMessage());
            }
            try (Ledger l = Ledger.create(db, setup)) {
                Map<String, Object> m = Json.obj();
                m.put("origin", l.origin());
                m.put("treeSize", l.size());
                m.put("hubKey", l.noteKey().vkey());
                m.put("allowUnsigned", allowUnsigned);
                if (format.json()) {
                    Json.print(out(), m);
                } else {
                    out().println("created the ledger " + l.origin() + " in " + db);
                    out().println("checkpoint verifier key: " + l.noteKey().vkey());
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "append", mixinStandardHelpOptions = true,
            description = "Verifies envelopes against a trust policy and appends them (in one transaction); INVALID and REVOKED ones are refused.")
    static final class Append extends OnDb {
        @Option(names = "--trust", required = true, paramLabel = "POLICY", description = "Trust policy file.")
        Path trust;
        @Parameters(paramLabel = "ENVELOPE", arity = "1..*", description = "Envelope files (or records, in a ledger that allows unsigned ones), or directories.")
        List<Path> files;

        @Override
        int run() {
            List<Path> inputs = Inputs.expand(files, true);
            var verifier = VerifyCommand.verifier(trust);
            List<byte[]> bytes = new ArrayList<>();
            for (Path f : inputs) {
                bytes.add(Inputs.read(f));
            }
            int exit = Main.OK;
            List<Object> items = new ArrayList<>();
            try (Ledger l = open()) {
                List<Ledger.Attempt> attempts = l.appendEach(bytes, verifier);
                for (int i = 0; i < inputs.size(); i++) {
                    Ledger.Attempt a = attempts.get(i);
                    Map<String, Object> m = Json.obj();
                    m.put("file", inputs.get(i).toString());
                    if (a.appended() == null) {
                        exit = Main.FAILED;
                        m.put("index", null);
                        m.put("refused", a.refusal());
                        if (!format.json()) {
                            out().println(inputs.get(i) + "  REFUSED  " + a.refusal());
                        }
                    } else {
                        Ledger.Appended ap = a.appended();
                        m.put("index", ap.index());
                        m.put("digest", ap.recordDigest());
                        m.put("status", ap.status().name());
                        m.put("new", ap.added());
                        if (!ap.warnings().isEmpty()) {
                            m.put("warnings", ap.warnings());
                        }
                        if (!format.json()) {
                            out().printf("%s  #%d  %s  %s%s%n", inputs.get(i), ap.index(), ap.status(), ap.added() ? "appended" : "already there",
                                    ap.warnings().isEmpty() ? "" : "  warning: " + String.join("; ", ap.warnings()));
                        }
                    }
                    items.add(m);
                }
            }
            if (format.json()) {
                Json.print(out(), items);
            }
            return exit;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every version of a model's results in log order, with deltas and (given a population) the version-jump verdict.")
    static final class History extends OnDb {
        @Parameters(paramLabel = "MODEL", arity = "1", description = "model.id")
        String model;
        @Option(names = "--benchmark", paramLabel = "B", description = "Only this task.benchmark.")
        String benchmark;
        @Option(names = "--metric", paramLabel = "M", description = "Only this metric id.")
        String metric;
        @Option(names = "--population", paramLabel = "PATH",
                description = "A population (directory of records, or leaderboard CSV) for S3's verdict on each step.")
        Path population;

        @Override
        int run() {
            // the population is fitted while the ledger is opened; its errors still come first, as
            // when it was loaded before the ledger
            EarlyPopulation early = spec.commandLine().getParent().getCommand() instanceof LedgerCommand l ? l.early : null;
            CompletableFuture<AnomalyDetector> fitting = population == null ? null
                    : Populations.fitInBackground(population, spec.commandLine().getErr(), early);
            Ledger opened;
            try {
                opened = open();
            } catch (RuntimeException e) {
                if (fitting != null) {
                    Populations.await(fitting);
                }
                throw e;
            }
            List<HistoryEntry> rows;
            try (Ledger l = opened) {
                rows = l.history(model, benchmark, metric, fitting == null ? null : Populations.await(fitting));
            }
            List<Object> items = new ArrayList<>();
            for (HistoryEntry h : rows) {
                Map<String, Object> m = Json.obj();
                m.put("index", h.index());
                m.put("digest", h.digest());
                m.put("appendedAt", h.appendedAt());
                m.put("createdAt", h.createdAt());
                m.put("producer", h.producer());
                m.put("benchmark", h.benchmark());
                m.put("metric", h.metric());
                m.put("series", h.series().canonical());
                m.put("value", h.value());
                putIfPresent(m, "stderr", h.stderr());
                m.put("status", h.status().name());
                putIfPresent(m, "supersedes", h.supersedes());
                putIfPresent(m, "supersededBy", h.supersededBy());
                putIfPresent(m, "delta", h.delta());
                VersionJump j = h.jump();
                if (j != null) {
                    Map<String, Object> jm = Json.obj();
                    jm.put("flagged", j.flagged());
                    jm.put("statistic", Uploads.round(j.z()));
                    jm.put("explanation", j.explanation());
                    m.put("jump", jm);
                }
                items.add(m);
            }
            if (format.json()) {
                Json.print(out(), items);
            } else if (rows.isEmpty()) {
                out().println("no history for " + model + (benchmark == null ? "" : " on " + benchmark) + (metric == null ? "" : " " + metric));
            } else {
                out().printf("%-6s %-24s %-24s %-20s %-12s %9s %8s %9s %-13s %s%n", "index", "appended", "created", "benchmark", "metric",
                        "value", "stderr", "delta", "status", "jump");
                for (HistoryEntry h : rows) {
                    out().printf("%-6d %-24s %-24s %-20s %-12s %9.4f %8s %9s %-13s %s%n", h.index(), h.appendedAt(), h.createdAt(), h.benchmark(),
                            h.metric(), h.value(), h.stderr() == null ? "-" : String.format("%.4f", h.stderr()),
                            h.delta() == null ? "-" : String.format("%+.4f", h.delta()), h.status(),
                            h.jump() == null ? "-" : (h.jump().flagged() ? "FLAGGED " : "ok ") + String.format("z=%.1f", h.jump().z()));
                }
            }
            return Main.OK;
        }

        private static void putIfPresent(Map<String, Object> m, String key, @Nullable Object value) {
            if (value != null) {
                m.put(key, value);
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Signs, stores and prints a checkpoint of the current tree.")
    static final class CheckpointCmd extends OnDb {
        @Option(names = "--key", paramLabel = "HUBKEY", description = "The hub's private key (default: the file given to ledger init).")
        Path key;

        @Override
        int run() {
            try (Ledger l = open()) {
                String note = l.checkpoint(hubKey(l, key));
                if (format.json()) {
                    Json.print(out(), checkpointJson(note));
                } else {
                    out().print(note);
                }
            }
            return Main.OK;
        }
    }

    static SigningKey hubKey(Ledger l, @Nullable Path key) {
        if (key != null) {
            return privateKey(key);
        }
        String remembered = l.setup().hubKeyFile();
        if (remembered == null) {
            throw new UsageException("this ledger remembers no hub key file; give --key HUBKEY");
        }
        return privateKey(Path.of(remembered));
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = "Prints an inclusion proof of an entry with the signed checkpoint it leads to (a file verify-proof checks offline).")
    static final class Prove extends OnDb {
        static final class Which {
            @Option(names = "--index", paramLabel = "N", description = "Entry index.")
            Long index;
            @Option(names = "--digest", paramLabel = "D", description = "Record digest (sha256:…): its latest entry.")
            String digest;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;
        @Option(names = "--to-size", paramLabel = "M", description = "Tree size to prove against (default: the current size).")
        Long toSize;
        @Option(names = "--key", paramLabel = "HUBKEY",
                description = "Hub key to sign a checkpoint when none was issued at that size (default: the file given to ledger init).")
        Path key;

        @Override
        int run() {
            try (Ledger l = open()) {
                long index;
                if (which.index != null) {
                    index = which.index;
                } else {
                    List<Long> found = l.indexesOf(which.digest);
                    if (found.isEmpty()) {
                        throw new UsageException("no entry holds the record " + which.digest);
                    }
                    index = found.get(found.size() - 1);
                }
                long size = toSize == null ? l.size() : toSize;
                if (size > l.size() || index < 0 || index >= size) {
                    throw new UsageException("entry " + index + " is not inside a tree of size " + size + " (the ledger holds " + l.size() + ")");
                }
                String note = l.checkpointAt(size).orElse(null);
                if (note == null) {
                    if (size != l.size()) {
                        throw new UsageException("no checkpoint was issued at size " + size + "; prove against a size that has one, or the current size");
                    }
                    note = l.checkpoint(hubKey(l, key));
                }
                byte[] entry = l.entry(index).orElseThrow();
                Map<String, Object> m = Json.obj();
                m.put("index", index);
                m.put("treeSize", size);
                m.put("entry", new String(entry, StandardCharsets.UTF_8));
                m.put("leafHash", hex(Merkle.leafHash(entry)));
                m.put("proof", l.inclusionProof(index, size).stream().map(LedgerCommand::hex).toList());
                m.put("checkpoint", checkpointJson(note));
                if (format.json()) {
                    Json.print(out(), m);
                } else {
                    out().println("entry " + index + " of " + size + ": " + m.get("entry"));
                    out().println("audit path: " + ((List<?>) m.get("proof")).size() + " hashes; checkpoint:");
                    out().print(note);
                    out().println("(use --format json to save a proof file for `ledger verify-proof`)");
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true, description = "Prints a consistency proof between two tree sizes.")
    static final class Consistency extends OnDb {
        @Option(names = "--from-size", required = true, paramLabel = "M", description = "The older size.")
        long from;
        @Option(names = "--to-size", paramLabel = "N", description = "The newer size (default: the current size).")
        Long to;

        @Override
        int run() {
            try (Ledger l = open()) {
                long n = to == null ? l.size() : to;
                if (from < 0 || from > n || n > l.size()) {
                    throw new UsageException("sizes must satisfy 0 <= from-size <= to-size <= " + l.size() + ", got " + from + " and " + n);
                }
                Map<String, Object> m = Json.obj();
                m.put("fromSize", from);
                m.put("toSize", n);
                m.put("proof", l.consistencyProof(from, n).stream().map(LedgerCommand::hex).toList());
                m.put("fromRoot", hex(l.root(from)));
                m.put("toRoot", hex(l.root(n)));
                if (format.json()) {
                    Json.print(out(), m);
                } else {
                    out().println("from size " + from + " (root " + m.get("fromRoot") + ")");
                    out().println("to size   " + n + " (root " + m.get("toRoot") + ")");
                    ((List<?>) m.get("proof")).forEach(h -> out().println("  " + h));
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recomputes the whole log from the stored entries and checks every hash and checkpoint; names the first bad index.")
    static final class VerifyLog extends OnDb {
        @Override
        int run() {
            Ledger.VerifyResult r;
            try (Ledger l = open()) {
                r = l.verify();
            }
            Map<String, Object> m = Json.obj();
            m.put("treeSize", r.treeSize());
            m.put("ok", r.ok());
            if (!r.ok()) {
                m.put("firstBadIndex", r.firstBadIndex());
                m.put("reason", r.reason());
            }
            if (format.json()) {
                Json.print(out(), m);
            } else if (r.ok()) {
                out().println("OK: " + r.treeSize() + " entries, every hash and checkpoint recomputed");
            } else {
                out().println("BAD at entry " + r.firstBadIndex() + ": " + r.reason());
            }
            return r.ok() ? Main.OK : Main.FAILED;
        }
    }

    @Command(name = "verify-proof", mixinStandardHelpOptions = true,
            description = "Offline, no database: checks a proof file's checkpoint signature, its inclusion proof and (given it) the envelope's hash.")
    static final class VerifyProof implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        FormatOption format;
        @Option(names = "--hub-key", required = true, paramLabel = "PUB", description = "The hub's public key (PEM).")
        Path hubKey;
        @Option(names = "--proof", required = true, paramLabel = "FILE", description = "The JSON of `ledger prove --format json`.")
        Path proofFile;
        @Option(names = "--envelope", paramLabel = "FILE", description = "The envelope the entry should bind.")
        Path envelope;

        @Override
        public Integer call() {
            Inputs.expand(List.of(hubKey, proofFile), false);
            VerificationKey pub;
            try {
                pub = KeyFiles.readPublic(hubKey);
            } catch (KeyException e) {
                throw new UsageException("cannot use key " + hubKey + ": " + e.getMessage());
            }
            JsonNode p;
            long index;
            long size;
            byte[] entry;
            List<byte[]> path = new ArrayList<>();
            String note;
            try {
                p = Json.tree(Inputs.read(proofFile));
                index = p.required("index").asLong();
                size = p.required("treeSize").asLong();
                entry = p.required("entry").asString().getBytes(StandardCharsets.UTF_8);
                for (JsonNode h : p.required("proof")) {
                    path.add(HexFormat.of().parseHex(h.asString()));
                }
                note = p.required("checkpoint").required("note").asString();
            } catch (RuntimeException e) { // Jackson's own message without its location text (the file is named already)
                String why = e instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
                throw new UsageException(proofFile + " is not a proof file of `ledger prove --format json`: " + why);
            }
            Map<String, Object> m = Json.obj();
            m.put("index", index);
            m.put("treeSize", size);
            String failure = null;
            try {
                String origin = note.substring(0, Math.max(note.indexOf('\n'), 0));
                m.put("origin", origin);
                Checkpoint cp = Checkpoint.open(note, List.of(NoteKey.of(origin, pub)));
                if (cp.treeSize() != size) {
                    failure = "the checkpoint is of size " + cp.treeSize() + ", the proof claims " + size;
                } else {
                    Merkle.verifyInclusion(index, size, Merkle.leafHash(entry), path, cp.rootHash());
                    if (envelope != null) {
                        String sha = hex(sha256(Inputs.read(envelope)));
                        String bound = envelopeSha256(entry);
                        if (bound == null) {
                            failure = "the entry is in the signed log but is not the JSON of a ledger entry, so it binds no envelope";
                        } else if (!sha.equals(bound)) {
                            failure = "the envelope's SHA-256 " + sha + " is not the entry's envelopeSha256 " + bound;
                        }
                    }
                }
            } catch (NoteException | ProofException | IllegalArgumentException e) {
                failure = e.getMessage();
            }
            m.put("ok", failure == null);
            if (failure != null) {
                m.put("reason", failure);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.json()) {
                Json.print(out, m);
            } else if (failure == null) {
                out.println("OK: entry " + index + " is in " + m.get("origin") + " at size " + size + ", signed by the hub key"
                        + (envelope == null ? "" : ", and binds " + envelope));
            } else {
                out.println("FAILED: " + failure);
            }
            return failure == null ? Main.OK : Main.FAILED;
        }
    }

    /**
     * The {@code envelopeSha256} an entry names ({@code ""} when it names none), or {@code null} when the
     * entry is not JSON: a log may hold such an entry (another writer's), and a proof of it is sound.
     */
    static @Nullable String envelopeSha256(byte[] entry) {
        try {
            return Json.tree(entry).path("envelopeSha256").asString("");
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
