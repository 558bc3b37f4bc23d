package org.evalledger.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.jspecify.annotations.Nullable;

/**
 * The population of an {@code audit}, {@code check} or {@code ledger history} command line, loaded
 * and fitted from the very start of {@link Main#run}, before picocli has built its model of the
 * command and parsed the arguments. That takes some 70–80 ms of one core in a cold JVM while the
 * other has little to do; the population (the v1 table's import and fit, some 0.4 s of CPU) is the
 * first work the command would give that core. docs/performance.md, "Twenty-third step".
 *
 * <p>The arguments are read here only to find the population's path: {@code --population PATH} or
 * {@code --population=PATH} once, among the options before any {@code --}, with no help or version
 * option and no argument file ({@code @FILE}), and a path that does not start with {@code -}. The
 * command takes the detector started here only when picocli's parse gives it the same path
 * ({@link #take}); otherwise (a command line this reading misunderstood, or a usage error) it starts
 * its own or fails as it would have, and the early one, on a daemon thread, is left to end or is
 * dropped with the JVM. What the loading writes to the command's error stream (a directory
 * population's count of files left out) is held until the command takes the detector, then written
 * there. Errors of the loading itself are the future's, as with {@link Populations#fitInBackground}.
 * Used by one command run; thread-safe.
 */
final class EarlyPopulation {
    private final Path path;
    private final HeldWriter held;
    private final CompletableFuture<AnomalyDetector> detector;

    private EarlyPopulation(Path path) {
        this.path = path;
        this.held = new HeldWriter();
        this.detector = Populations.fitInBackground(path, new PrintWriter(held, true));
    }

    /**
     * Starts the population of this command line, when it is an {@code audit}, {@code check} or
     * {@code ledger history} that names one; {@code null} otherwise.
     */
    static @Nullable EarlyPopulation start(String[] args) {
        Path p = populationOf(args);
        return p == null ? null : new EarlyPopulation(p);
    }

    /** The path this command line gives {@code --population}, as read by {@link #start}; {@code null} when none is read. */
    static @Nullable Path populationOf(String[] args) {
        int from; // where the command's own arguments start
        if (args.length >= 2 && (args[0].equals("audit") || args[0].equals("check"))) {
            from = 1;
        } else if (args.length >= 3 && args[0].equals("ledger") && args[1].equals("history")) {
            from = 2;
        } else {
            return null;
        }
        String value = null;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version") || a.startsWith("@")) {
                return null;
            }
            String v;
            if (a.equals("--population")) {
                if (++i == args.length) {
                    return null;
                }
                v = args[i];
            } else if (a.startsWith("--population=")) {
                v = a.substring("--population=".length());
            } else {
                continue;
            }
            if (value != null) {
                return null; // given twice: picocli refuses it
            }
            value = v;
        }
        if (value == null || value.isEmpty() || value.startsWith("-")) {
            return null; // none, or one picocli may take for an option
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The detector started for this path, from now on writing what its loading reports to {@code err};
     * {@code null} when it was started for another path (then the caller starts its own).
     */
    @Nullable CompletableFuture<AnomalyDetector> take(Path population, PrintWriter err) {
        if (!population.equals(path)) {
            return null;
        }
        held.release(err);
        return detector;
    }

    /** The detector started here, for tests: {@link #take} is how the command gets it. */
    CompletableFuture<AnomalyDetector> started() {
        return detector;
    }

    /** Text held until it is released to a writer, then passed on to that writer. */
    private static final class HeldWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private @Nullable PrintWriter target;

        synchronized void release(PrintWriter to) {
            if (target == null) {
                target = to;
                to.write(text.toString());
                to.flush();
                text.setLength(0);
            }
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            if (target != null) {
                target.write(cbuf, off, len);
            } else {
                text.append(cbuf, off, len);
            }
        }

        @Override
        public synchronized void flush() {
            if (target != null) {
                target.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
