package org.evalledger.anomaly;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Result;
import org.jspecify.annotations.Nullable;

/**
 * Checks results against a fitted population and the benchmark catalogue: the detectors R1–R4,
 * S1–S5 and D1 of ANOMALY.md, each finding with its evidence, and a suspicion score that ranks
 * uploads for review.
 *
 * <p>Fit once, share everywhere: {@link #fit(Population)} builds the peer index (S1), the
 * cross-benchmark regressions (S2, fitted per combination of benchmarks on first use and cached;
 * the combination most of the population's rows have is fitted with the detector), the
 * typical jumps per transition type (S3), the twin gaps (S4) and the index of exact result vectors
 * (D1). Broken runs (R4) are left out of the S1, S2, S3 and S4 references. A detector is immutable
 * and thread-safe; {@link #check} never throws for any record or row: a detector that cannot run
 * says why in {@link AnomalyReport#skipped()}.
 *
 * <pre>{@code
 * AnomalyDetector detector = AnomalyDetector.fit(Population.of(knownRecords));
 * AnomalyReport report = detector.check(upload);
 * if (report.flagged()) review(report.findings());
 * }</pre>
 */
public final class AnomalyDetector {
    private final Population population;
    private final AnomalyConfig config;
    private final Catalogue catalogue;
    private final Set<String> broken;
    private final PeerCheck s1;
    private final ResidualCheck s2;
    private final VersionJumpCheck s3;
    private final TwinCheck s4;
    private final CopyCheck d1;

    private AnomalyDetector(Population population, AnomalyConfig config, @Nullable Executor executor) {
        this.population = population;
        this.config = config;
        this.catalogue = population.catalogue();
        List<ModelScores> models = population.models();
        boolean[] excluded = new boolean[models.size()];
        Set<String> brokenIds = new TreeSet<>();
        for (int i = 0; i < models.size(); i++) {
            if (BrokenRunCheck.broken(new Check(models.get(i), catalogue, config))) {
                excluded[i] = true;
                brokenIds.add(models.get(i).modelId());
            }
        }
        this.broken = Collections.unmodifiableSet(brokenIds);
        // S1's peer index, about half of a fit, is built on the executor (when there is one) while
        // this thread fits the rest; the parts share only what they read
        FutureTask<PeerCheck> peers = new FutureTask<>(() -> new PeerCheck(models, excluded, config.s1Window));
        if (executor != null) {
            try {
                executor.execute(peers);
            } catch (RejectedExecutionException e) {
                // run below, on this thread
            }
        }
        this.s2 = new ResidualCheck(models, excluded, catalogue, config);
        this.s3 = new VersionJumpCheck(population, excluded);
        this.s4 = new TwinCheck(models, excluded, catalogue);
        this.d1 = new CopyCheck(models);
        peers.run(); // does nothing once the executor has started it, and runs it here if it has not (a busy executor, or none)
        this.s1 = result(peers);
    }

    /** The task's result, waiting for it without giving up on an interrupt (which stays set); rethrows what it threw. */
    static <T> T result(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c); // the task throws no checked exception
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A detector with ANOMALY.md's default thresholds. */
    public static AnomalyDetector fit(Population population) {
        return fit(population, AnomalyConfig.defaults());
    }

    /** A detector with these thresholds. */
    public static AnomalyDetector fit(Population population, AnomalyConfig config) {
        return new AnomalyDetector(Objects.requireNonNull(population, "population"), Objects.requireNonNull(config, "config"), null);
    }

    /**
     * A detector with these thresholds, fitted on two threads: S1's peer index (about half of the
     * work) is handed to the executor as one task while the calling thread fits the rest. The
     * detector is the same as {@link #fit(Population, AnomalyConfig)}'s; only the time to fit it
     * differs, on a machine with a core to spare.
     *
     * <p>The executor is an opportunity, never a dependency: when it rejects the task, or has not
     * started it by the time the calling thread is done with the rest (a busy pool, a pool of one
     * thread, even the pool the caller runs on), the calling thread runs it itself; if it has started,
     * the calling thread waits for it. An interrupt does not stop the fit (the thread's interrupt
     * status is set again when it returns). What the task throws is thrown here.
     *
     * @param executor runs at most one task per fit
     */
    public static AnomalyDetector fit(Population population, AnomalyConfig config, Executor executor) {
        return new AnomalyDetector(Objects.requireNonNull(population, "population"), Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(executor, "executor"));
    }

    /** The population it was fitted on. */
    public Population population() {
        return population;
    }

    /** Its thresholds. */
    public AnomalyConfig config() {
        return config;
    }

    /** Model ids of population rows that are broken runs (R4), left out of the references. */
    public Set<String> brokenRuns() {
        return broken;
    }

    /**
     * Checks a record: R1's range test on every metric of every result, then every detector on the
     * scores that can be compared with the population (the catalogue's metric at its n-shot; results
     * that cannot are listed as skipped).
     */
    public AnomalyReport check(EvaluationRecord record) {
        RecordScores rs = RecordScores.of(Objects.requireNonNull(record, "record"), catalogue);
        Check c = new Check(rs.scores(), catalogue, config);
        for (Result r : record.results()) {
            for (Metric m : r.metrics()) {
                rangeOfRecordMetric(c, r.task().benchmark(), m);
            }
        }
        for (String n : rs.notComparable()) {
            c.skip(DetectorId.S2, n);
        }
        return run(c, true);
    }

    /** Checks a row of scores (a leaderboard row, or one built by hand). */
    public AnomalyReport check(ModelScores candidate) {
        return run(new Check(Objects.requireNonNull(candidate, "candidate"), catalogue, config), false);
    }

    /**
     * S3 between two versions of one model's results, as a ledger's history shows them: every
     * benchmark both records score comparably (the catalogue's metric at its n-shot), judged as a
     * {@link Transition#NEW_VERSION} against this population's pairs. Benchmarks that cannot be
     * judged (no stderr and no item count, too few reference pairs) are left out.
     */
    public List<VersionJump> versionJumps(EvaluationRecord older, EvaluationRecord newer) {
        ModelScores was = RecordScores.of(Objects.requireNonNull(older, "older"), catalogue).scores();
        ModelScores now = RecordScores.of(Objects.requireNonNull(newer, "newer"), catalogue).scores();
        return List.copyOf(s3.jumps(new Check(now, catalogue, config), was, Transition.NEW_VERSION, "the version of " + older.createdAt().text()));
    }

    private AnomalyReport run(Check c, boolean rangeChecked) {
        RangeCheck.run(c, rangeChecked);
        AttainableCheck.run(c);
        StderrCheck.run(c);
        BrokenRunCheck.run(c);
        s1.run(c);
        s2.run(c);
        s3.run(c);
        s4.run(c);
        d1.run(c);
        double suspicion = 0;
        String at = null;
        for (int k = 0; k < c.size(); k++) { // in id order
            boolean one = c.hasS1z[k];
            boolean two = c.hasS2z[k];
            if (!one && !two) {
                continue;
            }
            double combined = one && two ? (c.s1z[k] + c.s2z[k]) / Math.sqrt(2) : one ? c.s1z[k] : c.s2z[k];
            if (at == null || combined > suspicion) {
                suspicion = Math.max(combined, 0);
                at = c.ids[k];
            }
        }
        Finding driver = null;
        for (Finding f : c.findings) {
            if ((f.detector() == DetectorId.S1 || f.detector() == DetectorId.S2) && f.benchmark().equals(at)
                    && (driver == null || f.statistic().value() > driver.statistic().value())) {
                driver = f;
            }
        }
        return new AnomalyReport(c.model.modelId(), c.findings, suspicion, at, driver, c.skipped);
    }

    /** R1 on a record's metric: outside its declared range, or its unit's 0–1 / 0–100 when none is declared. */
    private static void rangeOfRecordMetric(Check c, String benchmark, Metric m) {
        @Nullable Double min = m.range() != null ? m.range().min() : null;
        @Nullable Double max = m.range() != null ? m.range().max() : null;
        MetricUnit u = m.effectiveUnit();
        double full = u == MetricUnit.PROPORTION ? 1 : u == MetricUnit.PERCENT ? 100 : Double.NaN;
        if (min == null && !Double.isNaN(full)) {
            min = 0.0;
        }
        if (max == null && !Double.isNaN(full)) {
            max = full;
        }
        double v = m.value();
        if ((min != null && v < min) || (max != null && v > max)) {
            double scale = u == MetricUnit.PROPORTION ? 100 : 1;
            Expected e = new Expected(min == null ? null : min * scale, max == null ? null : max * scale);
            c.error(DetectorId.R1, benchmark, m.id(), v * scale, e, benchmark + " " + m.id() + " = " + v + " is outside its range "
                    + "[" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "] (" + u.wireName() + ")");
        }
    }

    PeerCheck peers() {
        return s1;
    }

    ResidualCheck residuals() {
        return s2;
    }

    @Override
    public String toString() {
        return "AnomalyDetector[" + population + ", " + broken.size() + " broken runs excluded]";
    }
}
