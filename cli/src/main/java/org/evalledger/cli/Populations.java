package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.evalledger.anomaly.AnomalyConfig;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.Population;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.Importers;
import org.evalledger.schema.RecordValidator;
import org.jspecify.annotations.Nullable;

/** {@code --population PATH}: a directory of records and envelopes, or a leaderboard table (CLI.md). */
final class Populations {
    private Populations() {}

    /**
     * Loads and fits the population on a thread of its own, so that the command's other start-up
     * work and the first uploads' verification and validation go on meanwhile (the v1 leaderboard
     * table takes some 0.45 s of CPU to import and fit in a cold JVM with C1 alone; docs/performance.md,
     * "Twentieth step"). The future fails with what {@link #load} or
     * the fit threw. The fit itself runs on two threads ({@link AnomalyDetector#fit(Population,
     * AnomalyConfig, Executor)}): S1's peer index on a second daemon thread started for it, the rest on
     * the first. The threads are daemons: a command that fails for another reason does not wait for
     * them.
     */
    static CompletableFuture<AnomalyDetector> fitInBackground(Path path, PrintWriter err) {
        return fitInBackground(path, err, null);
    }

    /**
     * {@link #fitInBackground(Path, PrintWriter)}, or the detector {@code early} started for this path
     * before the command line was parsed.
     */
    static CompletableFuture<AnomalyDetector> fitInBackground(Path path, PrintWriter err, @Nullable EarlyPopulation early) {
        if (early != null) {
            CompletableFuture<AnomalyDetector> started = early.take(path, err);
            if (started != null) {
                return started;
            }
        }
        CompletableFuture<AnomalyDetector> detector = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                AnomalyDetector d;
                try {
                    d = AnomalyDetector.fit(load(path, err), AnomalyConfig.defaults(), Populations::peersThread);
                } catch (RuntimeException | Error e) {
                    detector.completeExceptionally(e);
                    return;
                }
                detector.complete(d);
            } catch (RejectedExecutionException e) {
                // completing runs the uploads' decisions on the audit's pool; it was shut down
                // because the audit had already failed, which the command reports
            }
        }, "evalledger-population");
        t.setDaemon(true);
        t.start();
        return detector;
    }

    /** Runs the fit's one task on a daemon thread of its own. */
    private static void peersThread(Runnable task) {
        Thread t = new Thread(task, "evalledger-population-peers");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The detector of {@link #fitInBackground}, waiting for it; rethrows what stopped its fitting (a
     * {@link UsageException} for a population that cannot be read).
     */
    static AnomalyDetector await(CompletableFuture<AnomalyDetector> detector) {
        try {
            return detector.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    static Population load(Path path, PrintWriter err) {
        if (Files.isDirectory(path)) {
            RecordValidator validator = RecordValidator.standard();
            List<EvaluationRecord> records = new ArrayList<>();
            int skipped = 0;
            for (Path f : Inputs.expand(List.of(path), true)) {
                Optional<EvaluationRecord> r = Uploads.validate(Inputs.read(f), validator).record();
                if (r.isPresent()) {
                    records.add(r.get());
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                err.println("evalledger: population " + path + ": left out " + skipped + " file(s) that are not valid records or envelopes");
            }
            return Population.of(records);
        }
        List<Path> file = Inputs.expand(List.of(path), false);
        byte[] bytes = Inputs.read(file.get(0));
        Optional<Format> format = Importers.detect(bytes);
        if (format.isPresent() && format.get() == Format.LEADERBOARD_CSV) {
            try {
                return Population.of(Importers.importBytes(bytes, format, ImportOptions.defaults()).records());
            } catch (ImportException e) {
                throw new UsageException("population " + path + ": " + e.getMessage());
            }
        }
        Optional<EvaluationRecord> one = Uploads.validate(bytes, RecordValidator.standard()).record();
        if (one.isPresent()) {
            return Population.of(List.of(one.get()));
        }
        throw new UsageException("population " + path + " is neither a directory of records nor an Open LLM Leaderboard v1/v2 table");
    }
}
