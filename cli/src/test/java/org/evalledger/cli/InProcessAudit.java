package org.evalledger.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.schema.RecordValidator;
import org.evalledger.signing.Status;
import org.evalledger.signing.Verifier;

/**
 * The steady-state cost of {@code evalledger audit} in a long-running process (a hub that embeds the
 * library): the audit of {@code evalledger audit --trust POLICY --population PATH UPLOAD...}, run
 * over the same uploads several times in one JVM, each pass timed. Run by hand (benchmarks/peers/run.sh
 * runs it):
 *
 * <pre>{@code
 * java -cp cli/target/evalledger.jar:cli/target/test-classes org.evalledger.cli.InProcessAudit \
 *     --trust POLICY --population PATH [--passes N] [--require verified|self-reported|any] [--at TIME] UPLOAD...
 * }</pre>
 *
 * <p>It builds the {@link Auditor} as {@link AuditCommand} does ({@link VerifyCommand#verifier},
 * {@link Populations#load}, {@link AnomalyDetector#fit}, {@link RecordValidator#standard()},
 * {@link Auditor#required}, {@link VerifyCommand#time}) once, lists the uploads once with
 * {@link AuditRun#list}, then calls {@link AuditRun#run} once per pass with that one Auditor: text
 * output (formatted, UTF-8 encoded and flushed as on the CLI's stdout, once per run of uploads,
 * into a stream that discards it), no JSON, no report, no progress bar, no listener. So each pass reads every
 * file from disk again and parses, validates, verifies, checks and decides every upload again;
 * nothing per upload is kept between passes. What a pass does not redo is what any long-lived
 * Auditor keeps: the trust policy and its decoded keys, the fitted population, and the anomaly
 * model's regressions that it fits lazily on first sight of a set of benchmarks (ResidualCheck),
 * which pass 1 pays for. Later passes also run code the JIT has compiled by then: that, not
 * caching, is most of the difference between pass 1 and the last pass.
 *
 * <p>Threads: {@link AuditRun#run} uses {@link Runtime#availableProcessors()} worker threads, as the
 * CLI does; under {@code taskset -c 0} the JVM sees one processor, so that gives the one-core figure.
 *
 * <p>Prints the start-up (trust policy, population load and fit, listing; and the JVM's own start
 * before {@code main}), then one line per pass (seconds, µs per upload, uploads per second, the
 * accept / review / reject counts) and a last line with the counts, which must be the same in every
 * pass. Exit codes: 0 done, 2 usage error (one line on stderr), 3 when two passes decided
 * differently (a bug: the audit of the same bytes must not change).
 */
public final class InProcessAudit {
    private static final String USAGE = "usage: InProcessAudit --trust POLICY --population PATH [--passes N]"
            + " [--require verified|self-reported|any] [--at TIME] UPLOAD...";

    private InProcessAudit() {}

    public static void main(String[] args) {
        // as Main.main: networknt logs through SLF4J, and there is no logging backend
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        long jvmUpMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            System.exit(run(args, jvmUpMillis, err));
        } catch (UsageException e) {
            err.println("InProcessAudit: " + e.getMessage());
            System.exit(Main.USAGE);
        }
    }

    private static int run(String[] args, long jvmUpMillis, PrintWriter err) {
        Path trust = null;
        Path population = null;
        int passes = 1;
        String require = "self-reported"; // AuditCommand's default
        String at = null;
        List<Path> uploads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--trust" -> trust = Path.of(value(args, ++i, a));
                case "--population" -> population = Path.of(value(args, ++i, a));
                case "--passes" -> passes = positive(value(args, ++i, a));
                case "--require" -> require = value(args, ++i, a);
                case "--at" -> at = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a + "; " + USAGE);
                    }
                    uploads.add(Path.of(a));
                }
            }
        }
        if (trust == null || population == null || uploads.isEmpty()) {
            throw new UsageException(USAGE);
        }

        // start-up, in AuditCommand.call's order: what the CLI does before AuditRun.run starts its clock
        long t0 = System.nanoTime();
        Status required = Auditor.required(require);
        List<Path> files = AuditRun.list(uploads);
        if (files.isEmpty()) {
            throw new UsageException("no uploads under " + uploads);
        }
        long t1 = System.nanoTime();
        Verifier verifier = VerifyCommand.verifier(trust);
        long t2 = System.nanoTime();
        AnomalyDetector detector = AnomalyDetector.fit(Populations.load(population, err));
        long t3 = System.nanoTime();
        Instant when = VerifyCommand.time(at);
        Auditor auditor = new Auditor(RecordValidator.standard(), verifier, detector, required, when);
        long t4 = System.nanoTime();

        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int threads = Runtime.getRuntime().availableProcessors(); // what AuditRun.run uses
        out.printf(Locale.ROOT, "in-process audit: %d uploads, %d passes, %d worker thread%s (availableProcessors)%n", files.size(), passes,
                threads, threads == 1 ? "" : "s");
        out.printf(Locale.ROOT, "start-up: %.3f s (trust policy %.3f s, population load and fit %.3f s, listing %.3f s, auditor %.3f s);"
                + " JVM start before main %.3f s%n", (t4 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t1 - t0) / 1e9, (t4 - t3) / 1e9,
                jvmUpMillis / 1e3);

        // the CLI's stdout is an autoflushing UTF-8 PrintWriter: the same here, over a stream that discards the bytes
        PrintWriter discard = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), true);
        AuditRun.Summary first = null;
        double last = 0;
        for (int p = 1; p <= passes; p++) {
            long s = System.nanoTime();
            AuditRun.Summary sum = AuditRun.run(files, auditor, discard, err, false, null, false, null);
            // timed around the call (thread pool start and shutdown included), not AuditRun's own clock
            last = (System.nanoTime() - s) / 1e9;
            out.printf(Locale.ROOT, "pass %d: %.3f s, %.1f us/upload, %.0f uploads/s; %s%n", p, last, 1e6 * last / files.size(),
                    files.size() / last, counts(sum));
            if (first == null) {
                first = sum;
            } else if (sum.accept() != first.accept() || sum.review() != first.review() || sum.reject() != first.reject()) {
                err.printf("InProcessAudit: pass %d decided %s, pass 1 decided %s: the same uploads must get the same decisions%n", p,
                        counts(sum), counts(first));
                return Main.INTERNAL;
            }
        }
        // the CLI's summary line, with the last pass's figures: run.sh compares the counts with the CLI's
        out.printf(Locale.ROOT, "%s (%d uploads in %.3f s, %.0f uploads/s, last of %d passes; the same decisions in every pass)%n",
                counts(first), files.size(), last, files.size() / last, passes);
        return Main.OK;
    }

    private static String counts(AuditRun.Summary s) {
        return s.accept() + " accepted, " + s.review() + " to review, " + s.reject() + " rejected";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static int positive(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--passes must be a whole number of at least 1, got " + s);
    }
}
