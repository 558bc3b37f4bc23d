package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.Population;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.Importers;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordValidator;
import org.evalledger.signing.Status;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.Verifier;
import org.evalledger.testkit.SharedData;

/**
 * {@link AuditRun} audits runs of consecutive uploads on a pool, and must still print exactly what
 * auditing each upload alone, in input order, prints: the same lines, the same counts, each
 * outcome given to the listener once with its own index.
 */
class AuditRunTest {
    private static Path dir;
    private static Auditor auditor;
    /** The uploads' kinds, cycled through: a valid record, a file that is not JSON, an invalid record, a missing file. */
    private static final int KINDS = 4;

    @BeforeContainer
    static void uploads() throws IOException {
        dir = Files.createTempDirectory("audit-run-test");
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        EvaluationRecord record = Importers.importFile(lmEval, ImportOptions.defaults()).records().get(0);
        byte[] valid = RecordCodec.standard().write(record);
        for (int i = 0; i < 1200; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "u-%04d.json", i));
            switch (i % KINDS) {
                case 0 -> Files.write(f, valid);
                case 1 -> Files.writeString(f, "not json " + i);
                case 2 -> Files.writeString(f, "{\"schema\":\"https://evalledger.org/schemas/record/v1\"}");
                default -> { } // missing: unreadable
            }
        }
        auditor = new Auditor(RecordValidator.standard(), Verifier.of(TrustPolicy.builder().build()),
                AnomalyDetector.fit(Population.of(List.of())), Status.UNSIGNED, null);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static List<Path> files(int n) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(dir.resolve(String.format(Locale.ROOT, "u-%04d.json", i)));
        }
        return files;
    }

    /** What the run printed for each upload before it audited runs of them: one format per line. */
    private static String oneByOne(List<Path> files) {
        StringBuilder sb = new StringBuilder(String.format("%-8s %-40s %s%n", "DECISION", "REASONS", "FILE"));
        for (Path f : files) {
            Auditor.Outcome o;
            try {
                o = auditor.audit(f, Files.readAllBytes(f), false);
            } catch (IOException e) {
                o = Auditor.unreadable(f, "cannot read: " + e.getMessage());
            }
            sb.append(String.format("%-8s %-40s %s%n", o.decision(), o.reasons().isEmpty() ? "-" : String.join(",", o.reasons()), o.file()));
        }
        return sb.toString();
    }

    @Example
    void printsWhatAuditingEachUploadAloneInInputOrderPrints() {
        for (int n : new int[] {1, 2, 7, 16, 17, 100, 1200}) {
            List<Path> files = files(n);
            // as the CLI's text output runs it: no listener, no JSON, so no audit items are built
            StringWriter text = new StringWriter();
            AuditRun.Summary s = AuditRun.run(files, auditor, new PrintWriter(text, true), new PrintWriter(new StringWriter()), false, null,
                    false, null);
            String out = text.toString();
            String lastLine = out.substring(out.lastIndexOf(System.lineSeparator(), out.length() - System.lineSeparator().length() - 1)
                    + System.lineSeparator().length());
            assertEquals(oneByOne(files), out.substring(0, out.length() - lastLine.length()), "uploads: " + n);
            assertTrue(lastLine.startsWith(s.accept() + " accepted, " + s.review() + " to review, " + s.reject() + " rejected (" + n + " uploads"),
                    lastLine);
            int valid = (n + KINDS - 1) / KINDS;
            assertEquals(valid, s.accept() + s.review(), "uploads: " + n);
            assertEquals(n - valid, s.reject(), "uploads: " + n);

            // with a listener (items built): the same lines, and each outcome once, in input order
            StringWriter again = new StringWriter();
            List<Integer> indices = new ArrayList<>();
            List<Path> seen = new ArrayList<>();
            AuditRun.run(files, auditor, new PrintWriter(again, true), new PrintWriter(new StringWriter()), false, null, false, (i, o) -> {
                indices.add(i);
                seen.add(o.file());
            });
            assertEquals(oneByOne(files), again.toString().substring(0, out.length() - lastLine.length()), "uploads: " + n);
            assertEquals(files, seen, "the listener sees every upload once, in input order");
            for (int i = 0; i < n; i++) {
                assertEquals(i, indices.get(i));
            }
        }
    }

    @Property(tries = 500)
    void aLineIsTheFormatOfItsOutcome(@ForAll("reasons") List<String> reasons, @ForAll("names") String name) {
        Path file = Path.of(name);
        for (Auditor.Decision d : Auditor.Decision.values()) {
            Auditor.Outcome o = new Auditor.Outcome(file, d, reasons, null);
            StringBuilder sb = new StringBuilder();
            AuditRun.line(sb, o);
            assertEquals(String.format("%-8s %-40s %s%n", d, reasons.isEmpty() ? "-" : String.join(",", reasons), file), sb.toString());
        }
    }

    @Provide
    Arbitrary<List<String>> reasons() {
        return Arbitraries.strings().withCharRange('!', '~').withChars('é', '€', '\u4e2d').ofMaxLength(45).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('é', '-', '.', ' ', '\u4e2d').ofMinLength(1).ofMaxLength(30);
    }

    @Property(tries = 2000)
    void everyThreadGetsWorkAndNoTaskHoldsMoreThanTheMost(@ForAll @IntRange(min = 0, max = 100_000) int uploads,
            @ForAll @IntRange(min = 1, max = 64) int threads) {
        int chunk = AuditRun.chunkSize(uploads, threads);
        assertTrue(chunk >= 1 && chunk <= AuditRun.MAX_CHUNK, "chunk " + chunk);
        int tasks = (uploads + chunk - 1) / chunk;
        assertTrue(tasks >= Math.min(uploads, threads * 8), uploads + " uploads on " + threads + " threads: " + tasks + " tasks");
    }

    /** The text and the audit items of a run (a listener makes it build the items). */
    private record Printed(String text, List<Object> items, AuditRun.Summary summary) {}

    private static Printed printed(List<Path> files, Auditor auditor) {
        StringWriter text = new StringWriter();
        List<Object> items = new ArrayList<>();
        AuditRun.Summary s = AuditRun.run(files, auditor, new PrintWriter(text, true), new PrintWriter(new StringWriter()), false, null,
                false, (i, o) -> items.add(o.item()));
        String out = text.toString();
        // the last line gives the run's seconds, which differ between runs
        return new Printed(out.substring(0, out.lastIndexOf(" uploads in ")), items, s);
    }

    /** A detector future that a daemon thread completes after a pause, as a population fitted meanwhile. */
    private static CompletableFuture<AnomalyDetector> fittedAfter(long millis, AnomalyDetector detector) {
        CompletableFuture<AnomalyDetector> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f.complete(detector);
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Example
    void uploadsReadAheadWhileThePopulationIsFittedAreDecidedAsIfItHadBeenFittedFirst() {
        AnomalyDetector detector = AnomalyDetector.fit(Population.of(DemoData.population()));
        List<Path> files = files(1200);
        Printed first = printed(files, new Auditor(RecordValidator.standard(), Verifier.of(TrustPolicy.builder().build()), detector,
                Status.UNSIGNED, null));
        assertEquals(0, first.summary().readAhead());
        // 1.5 s is ample for the pool to read some of 1,200 small files; how many depends on the machine
        Printed meanwhile = printed(files, new Auditor(RecordValidator.standard(), Verifier.of(TrustPolicy.builder().build()),
                fittedAfter(1500, detector), Status.UNSIGNED, null));
        assertTrue(meanwhile.summary().readAhead() > 0, "nothing was read ahead");
        assertTrue(meanwhile.summary().readAhead() <= AuditRun.PREFETCH_UPLOADS + 8 * AuditRun.MAX_CHUNK,
                "read ahead: " + meanwhile.summary().readAhead());
        assertEquals(first.text(), meanwhile.text());
        assertEquals(first.items(), meanwhile.items());
    }

    @Example
    void readingAheadStopsPastItsBytes() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("big"));
        int mb = 1024 * 1024;
        byte[] big = new byte[mb];
        java.util.Arrays.fill(big, (byte) ' ');
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < 3 * AuditRun.PREFETCH_BYTES / mb; i++) {
                files.add(Files.write(tmp.resolve("big-" + i + ".json"), big));
            }
            AuditRun.Summary s = AuditRun.run(files, new Auditor(RecordValidator.standard(), Verifier.of(TrustPolicy.builder().build()),
                    fittedAfter(1500, auditor.detectorNow()), Status.UNSIGNED, null), new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), false, null, false, null);
            assertEquals(files.size(), s.reject(), "a megabyte of spaces is not a record");
            int threads = Runtime.getRuntime().availableProcessors();
            // each worker may read one upload past the bytes before it waits
            assertTrue(s.readAhead() <= AuditRun.PREFETCH_BYTES / mb + threads, "read ahead: " + s.readAhead());
        } finally {
            for (Path f : files) {
                Files.delete(f);
            }
            Files.delete(tmp);
        }
    }

    @Example
    void aPopulationThatCannotBeReadFailsTheRunBeforeAnyOutput() {
        CompletableFuture<AnomalyDetector> failed = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failed.completeExceptionally(new UsageException("population p.csv is neither a directory of records nor a table"));
        });
        t.setDaemon(true);
        t.start();
        StringWriter text = new StringWriter();
        UsageException e = assertThrows(UsageException.class, () -> AuditRun.run(files(100), new Auditor(RecordValidator.standard(),
                Verifier.of(TrustPolicy.builder().build()), failed, Status.UNSIGNED, null), new PrintWriter(text, true),
                new PrintWriter(new StringWriter()), false, null, false, null));
        assertEquals("population p.csv is neither a directory of records nor a table", e.getMessage());
        assertEquals("", text.toString());
    }

    @Example
    void aLongListIsAuditedInRunsOfTheMost() {
        assertEquals(AuditRun.MAX_CHUNK, AuditRun.chunkSize(10_000, 2));
        assertEquals(1, AuditRun.chunkSize(15, 2));
    }
}
