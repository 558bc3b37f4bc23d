package org.evalledger.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.evalledger.anomaly.AnomalyDetector;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Runs an audit over many uploads on all cores and streams the results in input order: each task
 * audits a run of at most {@link #MAX_CHUNK} consecutive uploads, and at most four tasks per thread
 * are in flight, so memory stays flat however many files there are. Text output is flushed once per
 * run of uploads. A bad upload becomes a REJECT line; it never stops the batch.
 *
 * <p>When the auditor's population is still being fitted ({@link Populations#fitInBackground}), the
 * workers read, verify and validate up to {@link #PREFETCH_UPLOADS} uploads ({@link
 * #PREFETCH_BYTES} bytes) ahead meanwhile, and decide them once it is fitted. Nothing is written
 * before that, so a population that cannot be read fails the run as it did when it was loaded
 * first. The run's seconds count from its start, the wait for the population included.
 */
final class AuditRun {
    /**
     * @param readAhead uploads read, verified and validated before the population's detector was
     *     fitted (0 when it was fitted before the run)
     */
    record Summary(int accept, int review, int reject, double seconds, int readAhead) {
        int exitCode() {
            return review + reject == 0 ? Main.OK : Main.FAILED;
        }
    }

    /** Receives each outcome in input order. */
    interface Listener {
        void outcome(int index, Auditor.Outcome o);
    }

    private AuditRun() {}

    static Summary run(List<Path> files, Auditor auditor, PrintWriter out, PrintWriter err, boolean json, @Nullable Path report,
            boolean progress, @Nullable Listener listener) {
        return run(files, null, auditor, out, err, json, report, progress, listener);
    }

    /** @param base when given, files are named relative to it in the output */
    static Summary run(List<Path> files, @Nullable Path base, Auditor auditor, PrintWriter out, PrintWriter err, boolean json,
            @Nullable Path report, boolean progress, @Nullable Listener listener) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evalledger-audit");
            t.setDaemon(true);
            return t;
        });
        Map<Auditor.Decision, Integer> counts = new EnumMap<>(Auditor.Decision.class);
        for (Auditor.Decision d : Auditor.Decision.values()) {
            counts.put(d, 0);
        }
        long start = System.nanoTime();
        OutputStream reportStream = null;
        JsonGenerator jsonOut = null;
        JsonGenerator reportOut = null;
        try {
            if (report != null) {
                try {
                    reportStream = Files.newOutputStream(report);
                } catch (IOException e) {
                    throw new UsageException("cannot write --report " + report + ": " + e.getMessage());
                }
                reportOut = begin(Json.mapper().createGenerator(reportStream));
            }
            ArrayDeque<Future<Chunk>> window = new ArrayDeque<>();
            int n = files.size();
            int chunk = chunkSize(n, threads);
            int next = 0;
            int done = 0;
            int inFlight = threads * 4;
            // while the population is still being fitted, uploads are read, verified and validated
            // ahead, as far as PREFETCH_UPLOADS and PREFETCH_BYTES allow
            int aheadLimit = inFlight + PREFETCH_UPLOADS / chunk;
            ReadAhead readAhead = new ReadAhead();
            boolean items = json || report != null || listener != null;
            boolean text = !json;
            CompletableFuture<AnomalyDetector> detector = auditor.detector();
            while (next < n && window.size() < (detector.isDone() ? inFlight : aheadLimit)) {
                int from = next;
                next = Math.min(n, from + chunk);
                window.add(submit(pool, auditor, files, from, next, base, items, text, readAhead));
            }
            auditor.detectorNow(); // a population that cannot be read fails the command before any output, as it did before any upload
            if (json) {
                jsonOut = begin(Json.mapper().createGenerator((Writer) out));
            } else {
                StringBuilder header = new StringBuilder();
                columns(header, "DECISION", "REASONS", "FILE");
                out.write(header.toString());
                out.flush();
            }
            Progress bar = progress ? new Progress(err, n) : null;
            while (done < n) {
                while (next < n && window.size() < inFlight) {
                    int from = next;
                    next = Math.min(n, from + chunk);
                    window.add(submit(pool, auditor, files, from, next, base, items, text, readAhead));
                }
                Chunk c = get(window.poll());
                for (Auditor.Outcome o : c.outcomes()) {
                    counts.merge(o.decision(), 1, Integer::sum);
                    if (listener != null) {
                        listener.outcome(done, o);
                    }
                    if (jsonOut != null) {
                        jsonOut.writePOJO(o.item());
                    }
                    if (reportOut != null) {
                        reportOut.writePOJO(o.item());
                    }
                    done++;
                }
                if (c.lines() != null) {
                    out.write(c.lines());
                    out.flush();
                }
                if (bar != null) {
                    bar.update(done, System.nanoTime() - start);
                }
            }
            if (bar != null) {
                bar.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Summary s = new Summary(counts.get(Auditor.Decision.ACCEPT), counts.get(Auditor.Decision.REVIEW),
                    counts.get(Auditor.Decision.REJECT), seconds, readAhead.uploads.get());
            if (jsonOut != null) {
                end(jsonOut, s);
                out.println();
            } else {
                out.printf(Locale.ROOT, "%d accepted, %d to review, %d rejected (%d uploads in %.1f s, %.0f uploads/s)%n", s.accept(),
                        s.review(), s.reject(), files.size(), seconds, files.size() / Math.max(seconds, 1e-9));
            }
            if (reportOut != null) {
                end(reportOut, s);
            }
            return s;
        } finally {
            pool.shutdownNow();
            if (reportStream != null) {
                try {
                    reportStream.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The most uploads one task audits (see {@link #chunkSize}). */
    static final int MAX_CHUNK = 16;

    /**
     * Uploads per task: at most {@link #MAX_CHUNK}, fewer for a short list so that every thread
     * still gets work (at least eight tasks per thread while there are uploads for them). A task
     * audits a run of consecutive uploads and formats their text lines, so that the hand-off
     * between the writing thread and a worker (a queue, a wake-up, a future) and the flush of the
     * output are paid once per run of uploads rather than once per upload.
     */
    static int chunkSize(int uploads, int threads) {
        return Math.max(1, Math.min(MAX_CHUNK, uploads / (threads * 8)));
    }

    /** The most uploads read ahead while the population is being fitted. */
    static final int PREFETCH_UPLOADS = 2048;
    /**
     * The most bytes of uploads read ahead while the population is being fitted: past them a worker
     * waits for the detector, so that a directory of large uploads cannot fill the heap.
     */
    static final long PREFETCH_BYTES = 16L * 1024 * 1024;

    /** The outcomes of a run of consecutive uploads, in input order, and their text lines (null for JSON output). */
    private record Chunk(List<Auditor.Outcome> outcomes, @Nullable String lines) {}

    /**
     * A run of uploads for the pool: audited in one task once the detector is fitted; before that,
     * read, verified and validated in one task and decided in another once it is.
     */
    private static CompletableFuture<Chunk> submit(ExecutorService pool, Auditor auditor, List<Path> files, int from, int to,
            @Nullable Path base, boolean items, boolean text, ReadAhead readAhead) {
        if (auditor.detector().isDone()) {
            return CompletableFuture.supplyAsync(() -> chunk(auditor, files, from, to, base, items, text), pool);
        }
        return CompletableFuture.supplyAsync(() -> prepare(auditor, files, from, to, base, readAhead), pool)
                .thenCombineAsync(auditor.detector(), (read, detector) -> decide(auditor, read, items, text), pool);
    }

    /** Audits a run of uploads, each read, prepared and decided in turn. */
    private static Chunk chunk(Auditor auditor, List<Path> files, int from, int to, @Nullable Path base, boolean items, boolean text) {
        List<Auditor.Outcome> outcomes = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Path f = files.get(i);
            outcomes.add(outcome(auditor, read(auditor, f, base == null ? f : base.relativize(f), null), items));
        }
        return chunk(outcomes, text);
    }

    /** Reads and prepares a run of uploads ahead of the detector. */
    private static List<Read> prepare(Auditor auditor, List<Path> files, int from, int to, @Nullable Path base, ReadAhead readAhead) {
        List<Read> read = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Path f = files.get(i);
            read.add(read(auditor, f, base == null ? f : base.relativize(f), readAhead));
        }
        return read;
    }

    /** Decides a run of uploads read ahead. */
    private static Chunk decide(Auditor auditor, List<Read> read, boolean items, boolean text) {
        List<Auditor.Outcome> outcomes = new ArrayList<>(read.size());
        for (Read r : read) {
            outcomes.add(outcome(auditor, r, items));
        }
        return chunk(outcomes, text);
    }

    private static Chunk chunk(List<Auditor.Outcome> outcomes, boolean text) {
        if (!text) {
            return new Chunk(outcomes, null);
        }
        StringBuilder lines = new StringBuilder(100 * outcomes.size());
        for (Auditor.Outcome o : outcomes) {
            line(lines, o);
        }
        return new Chunk(outcomes, lines.toString());
    }

    /** What the workers read ahead of the detector, in all: bytes against {@link #PREFETCH_BYTES}, and uploads. */
    private static final class ReadAhead {
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger uploads = new AtomicInteger();
    }

    /** An upload read: prepared, or already decided (one that cannot be read). */
    private record Read(Path shown, Auditor.@Nullable Prepared prepared, Auditor.@Nullable Outcome outcome) {}

    /**
     * @param readAhead given when the upload may be read ahead of the detector: what has been read
     *     ahead so far, counted while the detector is not fitted; past {@link #PREFETCH_BYTES} the
     *     worker waits for it
     */
    private static Read read(Auditor auditor, Path f, Path shown, @Nullable ReadAhead readAhead) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException | OutOfMemoryError e) {
            return new Read(shown, null, Auditor.unreadable(shown, "cannot read: " + e.getMessage()));
        }
        if (readAhead != null && !auditor.detector().isDone()) {
            readAhead.uploads.incrementAndGet();
            if (readAhead.bytes.addAndGet(bytes.length) > PREFETCH_BYTES) {
                auditor.detectorNow();
            }
        }
        return new Read(shown, auditor.prepare(bytes), null);
    }

    private static Auditor.Outcome outcome(Auditor auditor, Read r, boolean items) {
        Auditor.Outcome o = r.outcome();
        return o != null ? o : auditor.decide(r.shown(), java.util.Objects.requireNonNull(r.prepared()), items);
    }

    /**
     * Appends an outcome's text line: the same characters as
     * {@code String.format("%-8s %-40s %s%n", decision, reasons or "-", file)}, without parsing
     * the format for every upload.
     */
    static void line(StringBuilder sb, Auditor.Outcome o) {
        columns(sb, o.decision().name(), o.reasons().isEmpty() ? "-" : String.join(",", o.reasons()), o.file().toString());
    }

    /** The text output's one layout, for the header and every line: two padded columns and the file. */
    private static void columns(StringBuilder sb, String decision, String reasons, String file) {
        padded(sb, decision, 8).append(' ');
        padded(sb, reasons, 40).append(' ');
        sb.append(file).append(System.lineSeparator());
    }

    private static StringBuilder padded(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private static JsonGenerator begin(JsonGenerator g) {
        g.writeStartObject();
        g.writeName("uploads");
        g.writeStartArray();
        return g;
    }

    private static void end(JsonGenerator g, Summary s) {
        g.writeEndArray();
        g.writeName("summary");
        Map<String, Object> m = Json.obj();
        m.put("accept", s.accept());
        m.put("review", s.review());
        m.put("reject", s.reject());
        m.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        g.writePOJO(m);
        g.writeEndObject();
        g.flush();
    }

    /** A one-line progress bar on stderr, redrawn at most ten times a second. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private long lastDraw = -1;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void update(int done, long nanos) {
            if (lastDraw >= 0 && nanos - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = nanos;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d uploads, %.0f/s ", "#".repeat(filled), " ".repeat(width - filled), done, total,
                    done / Math.max(nanos / 1e9, 1e-9));
            err.flush();
        }

        void finish() {
            err.println();
        }
    }

    static List<Path> list(List<Path> uploads) {
        return new ArrayList<>(Inputs.expand(uploads, true));
    }
}
