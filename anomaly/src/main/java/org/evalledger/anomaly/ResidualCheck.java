package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.evalledger.anomaly.internal.HuberRegression;
import org.evalledger.anomaly.internal.LinearSolver;
import org.evalledger.anomaly.internal.Stats;
import org.jspecify.annotations.Nullable;

/**
 * S2, the cross-benchmark residual, and S5, the spread of those residuals.
 *
 * <p>Every score becomes a = (x − c)/(1 − c) (c = chance, 0 when unknown) and ℓ = logit(clip(a,
 * 0.005, 0.995)); each benchmark's ℓ is standardised by the population's median and 1.4826·MAD.
 * For a candidate, each benchmark j is predicted from the candidate's other benchmarks S by a
 * Huber regression of j on S fitted on the population models that have j and S (fitted once per
 * set of benchmarks a candidate has, for each of them, and cached; the set most population rows have
 * is fitted when the check is built; when too few models have all of S, or fewer than twice the
 * regression's coefficients, the predictor that costs most models is dropped until enough remain).
 * The residual's robust
 * z is (r − median)/(1.4826·MAD) of the population's residuals of that regression, the scale floored at the equivalent of 0.5 points.
 * Outliers are then masked one at a time (at most two): the benchmark with the most extreme |z|
 * beyond 3.5 keeps its z and is left out of the others' predictions, which are made again (the
 * regressions fitted on all of the candidate's benchmarks, with the masked ones left out of their
 * weighted least squares at the final Huber weights, the residual scale grown with the weighted
 * residual sum of squares: no new fit per combination of masked benchmarks); a broken
 * run (GSM8K at 0) must not make the healthy benchmarks look inflated, nor an inflated one its
 * partners broken. The bound keeps the number of distinct regressions a population needs small.
 * The largest inflation-side z is the candidate's S2 score; above 3.5 it is flagged with the points
 * it sits above prediction. S5 reports an RMS of the z's above 2.5 as information.
 *
 * <p>Immutable after construction apart from the caches of fitted regressions and of their
 * coefficients with masked predictors left out, which are concurrent maps: thread-safe.
 */
final class ResidualCheck {
    private final AnomalyConfig config;
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] ids;
    private final double[] chance;
    private final double[] center;
    private final double[] scale;
    /** Standardised ℓ per population row (NaN where missing). */
    private final double[][] rows;
    /**
     * Per modelled benchmark: which of {@link #rows} have it, 64 rows a word, so that the rows having a
     * set of benchmarks are counted by ANDing words (a sparse population of 100,000 rows and 50
     * benchmarks took two minutes for one candidate's first check when each count read every row).
     */
    private final long[][] present;
    private final Map<String, String> notModelled = new HashMap<>();
    /** Per set of modelled benchmarks a candidate has: the regression of each of them on the others (null where none fits). */
    private final Map<BitSet, @Nullable Fit[]> fits = new ConcurrentHashMap<>();

    /** The most sets of left-out predictors one fit keeps the coefficients of. */
    private static final int MAX_LEFT_OUT = 1024;

    /**
     * One fitted regression of a benchmark on predictors, in standardised units, with what leaving
     * predictors out needs: the inverse of its weighted normal matrix at the final Huber weights and
     * the weighted residual sum of squares; and the coefficients with predictors left out, by the set
     * of their positions, as they are asked for (the same few outliers are masked in many candidates).
     */
    private record Fit(int[] predictors, double[] coef, double median, double scale, double[] inverse, double rss,
            Map<Long, double[]> leftOut) {
        /**
         * The coefficients with the predictors at {@code out} (positions into coef) left out, and the
         * residual sum of squares that goes with them as one more element: {@link LinearSolver#leaveOut}.
         */
        double[] without(int[] out) {
            if (coef.length > Long.SIZE) {
                return leaveOut(out);
            }
            long set = 0;
            for (int k : out) {
                set |= 1L << k;
            }
            long key = set * 0x9E3779B97F4A7C15L; // one-to-one (odd multiplier), and spreads the few set bits over the hash
            double[] known = leftOut.get(key);
            if (known != null) {
                return known;
            }
            // with the default two masked at most, a fit has at most q(q − 1)/2 sets; a bound for larger settings
            return leftOut.size() < MAX_LEFT_OUT ? leftOut.computeIfAbsent(key, k -> leaveOut(out)) : leaveOut(out);
        }

        private double[] leaveOut(int[] out) {
            double[] rss = {this.rss};
            double[] reduced = LinearSolver.leaveOut(inverse, coef, out, rss);
            double[] withRss = Arrays.copyOf(reduced, reduced.length + 1);
            withRss[reduced.length] = rss[0];
            return withRss;
        }
    }

    ResidualCheck(List<ModelScores> models, boolean[] excluded, Catalogue catalogue, AnomalyConfig config) {
        this.config = config;
        Map<String, Integer> counts = new HashMap<>();
        // the loops over the models call a method per model, which a JIT compiles after some hundreds
        // of models, rather than running a fit's one pass over them in the interpreter
        for (int i = 0; i < models.size(); i++) {
            if (!excluded[i]) {
                countBenchmarks(models.get(i), counts);
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
            if (e.getValue() >= config.s2MinModels) {
                kept.add(e.getKey());
            } else {
                notModelled.put(e.getKey(), "only " + e.getValue() + " population models have it, need " + config.s2MinModels);
            }
        }
        int nb = kept.size();
        double[] ch = new double[nb];
        for (int j = 0; j < nb; j++) {
            ch[j] = catalogue.find(kept.get(j)).map(Benchmark::chanceOrZero).orElse(0.0);
        }
        List<double[]> raw = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (excluded[i]) {
                continue;
            }
            double[] r = logits(models.get(i), kept, ch, config.s2Clip);
            if (r != null) {
                raw.add(r);
            }
        }
        double[] ctr = new double[nb];
        double[] sc = new double[nb];
        boolean[] constant = new boolean[nb];
        for (int j = 0; j < nb; j++) {
            double[] col = new double[raw.size()];
            int n = 0;
            for (double[] r : raw) {
                if (!Double.isNaN(r[j])) {
                    col[n++] = r[j];
                }
            }
            ctr[j] = Stats.median(col, n);
            double s = 1.4826 * Stats.mad(col, n, ctr[j]);
            if (!(s > 0)) {
                s = sd(col, n);
            }
            sc[j] = s;
            constant[j] = !(s > 0) || n < config.s2MinModels;
        }
        List<String> usable = new ArrayList<>();
        for (int j = 0; j < nb; j++) {
            if (constant[j]) {
                notModelled.put(kept.get(j), "it has the same value in (almost) every population model, so deviations cannot be scaled");
            } else {
                usable.add(kept.get(j));
            }
        }
        int nu = usable.size();
        ids = usable.toArray(new String[0]);
        chance = new double[nu];
        center = new double[nu];
        scale = new double[nu];
        for (int u = 0; u < nu; u++) {
            int j = kept.indexOf(ids[u]);
            index.put(ids[u], u);
            chance[u] = ch[j];
            center[u] = ctr[j];
            scale[u] = sc[j];
        }
        int[] keptAt = new int[nu]; // per usable benchmark: its position among the kept ones
        for (int u = 0; u < nu; u++) {
            keptAt[u] = kept.indexOf(ids[u]);
        }
        List<double[]> std = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            double[] z = standardized(r, keptAt, center, scale);
            if (z != null) {
                std.add(z);
            }
        }
        rows = std.toArray(new double[0][]);
        present = new long[nu][(rows.length + 63) >>> 6];
        for (int i = 0; i < rows.length; i++) {
            mark(present, i, rows[i]);
        }
        prefitCommonSet();
    }

    /**
     * Fits the regressions for the set of modelled benchmarks that most population rows have, as
     * {@link #run} would for the first candidate with that set. A hub's uploads mostly come from the
     * harnesses its population comes from, so theirs is usually that set; fitted here, where the
     * detector is built, it spares the first checks a wait: the first candidate with a set fits it
     * while every other check of the same set waits for it (in a cold audit of 10,000 uploads on two
     * cores, one worker waited 108 ms). Only a set that at least a tenth of the rows (and {@code
     * s2MinModels} of them) share: in a sparse population, where rows have many different sets, the
     * commonest is no likelier than another. Ties go to the set seen first. The reports are the same
     * either way, since a set's fit does not depend on when it is made.
     */
    private void prefitCommonSet() {
        Map<BitSet, int[]> counts = new LinkedHashMap<>();
        for (double[] r : rows) {
            counts.computeIfAbsent(present(r), k -> new int[1])[0]++;
        }
        BitSet common = null;
        int most = 0;
        for (Map.Entry<BitSet, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] > most) {
                most = e.getValue()[0];
                common = e.getKey();
            }
        }
        // a set few rows share is no likelier than any other for an upload: left to its first check
        if (common != null && common.cardinality() >= 2 && most >= Math.max(config.s2MinModels, rows.length / 10)) {
            fitsFor(common, common.stream().toArray());
        }
    }

    /** Marks row i in the column of each benchmark it has. */
    private static void mark(long[][] present, int i, double[] row) {
        for (int u = 0; u < row.length; u++) {
            if (!Double.isNaN(row[u])) {
                present[u][i >>> 6] |= 1L << i;
            }
        }
    }

    /** How many sets of benchmarks have their regressions fitted so far (for tests). */
    int fittedSets() {
        return fits.size();
    }

    /** The positions at which a row has a value. */
    private static BitSet present(double[] row) {
        BitSet m = new BitSet(row.length);
        for (int u = 0; u < row.length; u++) {
            if (!Double.isNaN(row[u])) {
                m.set(u);
            }
        }
        return m;
    }

    /** Adds one to the count of each benchmark the model has. */
    private static void countBenchmarks(ModelScores model, Map<String, Integer> counts) {
        for (String b : model.scores().keySet()) {
            counts.merge(b, 1, Integer::sum);
        }
    }

    /** The model's logits on the kept benchmarks (NaN where it has none); null when it has fewer than two. */
    private static double @Nullable [] logits(ModelScores model, List<String> kept, double[] chance, double clip) {
        double[] r = new double[kept.size()];
        int have = 0;
        for (int j = 0; j < r.length; j++) {
            Score s = model.scores().get(kept.get(j));
            r[j] = s == null ? Double.NaN : logit(s.points(), chance[j], clip);
            have += s == null ? 0 : 1;
        }
        return have >= 2 ? r : null;
    }

    /** A row of logits on the usable benchmarks, centred and scaled; null when it has fewer than two of them. */
    private static double @Nullable [] standardized(double[] logits, int[] keptAt, double[] center, double[] scale) {
        double[] z = new double[keptAt.length];
        int have = 0;
        for (int u = 0; u < z.length; u++) {
            double v = logits[keptAt[u]];
            z[u] = (v - center[u]) / scale[u];
            have += Double.isNaN(v) ? 0 : 1;
        }
        return have >= 2 ? z : null;
    }

    static double logit(double points, double chance, double clip) {
        double a = (points / 100 - chance) / (1 - chance);
        a = Math.min(Math.max(a, clip), 1 - clip);
        return Stats.logit(a);
    }

    private static double sd(double[] v, int n) {
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += v[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** Scores a candidate; records S2 z's in the check, adds S2 and S5 findings and skips. */
    void run(Check c) {
        int nb = ids.length;
        double[] z = new double[nb];
        int[] at = new int[nb]; // the candidate's position of each modelled benchmark it has
        BitSet haveMask = new BitSet(nb);
        for (int k = 0; k < c.size(); k++) {
            Integer u = index.get(c.ids[k]);
            if (u == null) {
                String id = c.ids[k];
                String why = notModelled.get(id);
                c.skip(DetectorId.S2, () -> id + ": " + (why != null ? why : "no population model has it"));
                continue;
            }
            haveMask.set(u);
            at[u] = k;
            z[u] = (logit(c.scores[k].points(), chance[u], config.s2Clip) - center[u]) / scale[u];
        }
        int[] have = new int[haveMask.cardinality()]; // ascending: the candidate's order too, both being id order
        for (int i = 0, u = haveMask.nextSetBit(0); u >= 0; u = haveMask.nextSetBit(u + 1)) {
            have[i++] = u;
        }
        if (have.length < 2) {
            c.skip(DetectorId.S2, () -> "needs at least two benchmarks that the population models, has " + have.length);
            c.skip(DetectorId.S5, "no S2 residuals to spread");
            return;
        }
        Fit[] fitted = fitsFor(haveMask, have);
        // Mask outliers one at a time: the benchmark with the most extreme |z| beyond the drop
        // threshold keeps that z and stops predicting the others, which are scored again without it.
        // A broken GSM8K (far below prediction) must not make the healthy benchmarks look inflated,
        // and an inflated MMLU must not make its correlated partners look broken.
        Residuals res = new Residuals(nb);
        boolean[] masked = new boolean[nb];
        int maskedCount = 0;
        while (true) {
            int worst = -1;
            for (int j : have) {
                if (masked[j] || !residual(j, fitted[j], maskedCount > 0 ? masked : null, z, c, res)) {
                    continue;
                }
                if (Math.abs(res.z[j]) > config.s2DropBelow && (worst < 0 || Math.abs(res.z[j]) > Math.abs(res.z[worst]))) {
                    worst = j;
                }
            }
            if (worst < 0 || have.length - maskedCount - 1 < 2 || maskedCount >= config.s2MaxMasked) {
                break;
            }
            masked[worst] = true;
            maskedCount++;
        }
        double sumSq = 0;
        int scored = 0;
        int widest = -1;
        for (int j : have) {
            if (!res.has[j]) {
                continue;
            }
            double rz = res.z[j];
            sumSq += rz * rz;
            scored++;
            if (widest < 0 || Math.abs(rz) > Math.abs(res.z[widest])) {
                widest = j;
            }
            int k = at[j];
            c.s2z(k, rz);
            if (rz > config.s2Z) {
                double x = c.scores[k].points();
                double predicted = res.predicted[j];
                int predictors = res.predictors[j];
                c.flag(DetectorId.S2, ids[j], c.metric(k), x, Expected.point(predicted), new Statistic("robust_z", rz),
                        () -> ids[j] + " " + Check.fmt(x) + " is " + Check.fmt(x - predicted) + " points above the "
                                + Check.fmt(predicted) + " predicted from its other " + predictors
                                + " benchmark" + (predictors == 1 ? "" : "s") + "; residual z " + Check.z(rz));
            }
        }
        int benchmarksScored = scored; // final, for the texts
        if (benchmarksScored < 3) {
            c.skip(DetectorId.S5, () -> "needs S2 residuals of at least three benchmarks, has " + benchmarksScored);
        } else {
            double rms = Math.sqrt(sumSq / benchmarksScored);
            if (rms > config.s5Rms) {
                String b = ids[widest];
                c.flag(DetectorId.S5, b, c.metric(at[widest]), rms, Expected.atMost(config.s5Rms), new Statistic("rms_z", rms),
                        () -> "its " + benchmarksScored + " benchmarks disagree with each other more than usual (RMS residual z "
                                + Check.z(rms) + ", widest on " + b + "): an unusual profile, a weak signal");
            }
        }
    }

    /** The latest S2 result of each benchmark of one candidate, by benchmark index. */
    private static final class Residuals {
        final boolean[] has;
        final double[] z;
        final double[] predicted;
        final int[] predictors;

        Residuals(int n) {
            has = new boolean[n];
            z = new double[n];
            predicted = new double[n];
            predictors = new int[n];
        }
    }

    /**
     * The residual of j, predicted from the candidate's other benchmarks by the regression fitted on
     * all of them ({@code f}); benchmarks masked as outliers are left out of that regression by
     * {@link LinearSolver#leaveOut} ({@code masked} null when none is). Writes it into {@code res}
     * and says whether there is one.
     */
    private boolean residual(int j, @Nullable Fit f, boolean @Nullable [] masked, double[] z, Check c, Residuals res) {
        if (f == null) {
            c.skip(DetectorId.S2, () -> ids[j] + ": too few population models share it with the model's other benchmarks");
            return false;
        }
        int[] p = f.predictors();
        int dropped = 0;
        if (masked != null) { // none is masked in the first round
            for (int k : p) {
                dropped += masked[k] ? 1 : 0;
            }
        }
        double[] coef = f.coef();
        double spread = f.scale();
        if (dropped > 0) {
            int[] out = new int[dropped];
            int n = 0;
            for (int k = 0; k < p.length; k++) {
                if (masked[p[k]]) {
                    out[n++] = k + 1;
                }
            }
            coef = f.without(out); // one longer: the residual sum of squares last
            spread = f.rss() > 0 ? f.scale() * Math.sqrt(coef[p.length + 1] / f.rss()) : f.scale();
        }
        double pred = coef[0];
        for (int k = 0; k < p.length; k++) {
            pred += coef[k + 1] * z[p[k]]; // a left-out predictor's coefficient is 0
        }
        double fit = pred + f.median();
        double ell = center[j] + scale[j] * fit;
        double a = Math.min(Math.max(Stats.logistic(ell), config.s2Clip), 1 - config.s2Clip);
        // 0.5 points expressed in standardised logit units at the predicted level
        double floor = 0.5 / (100 * (1 - chance[j]) * a * (1 - a)) / scale[j];
        res.has[j] = true;
        res.z[j] = (z[j] - fit) / Math.max(spread, floor);
        res.predicted[j] = 100 * (chance[j] + (1 - chance[j]) * a);
        res.predictors[j] = p.length - dropped;
        return true;
    }

    /**
     * The regressions of each benchmark j of a candidate that has the benchmarks {@code have} on the
     * others (null where none can be fitted), by j: fitted on first sight of that set and cached.
     */
    private @Nullable Fit[] fitsFor(BitSet haveMask, int[] have) {
        Fit[] known = fits.get(haveMask); // fitted before: a plain read, no lock
        return known != null ? known : fits.computeIfAbsent(haveMask, m -> {
            Fit[] out = new Fit[ids.length];
            for (int j : have) {
                BitSet others = (BitSet) m.clone();
                others.clear(j);
                out[j] = fit(j, others);
            }
            return out;
        });
    }

    /**
     * Fits j on the predictors, dropping predictors until enough rows remain; null when none can.
     * Enough: at least {@code s2MinModels} population models have j and every predictor, and the
     * rows the fit takes of them ({@link #sampled}) are at least twice its coefficients, so that the
     * residuals keep as many degrees of freedom as the fit uses (with as many rows as coefficients a
     * regression passes through every row, and its residual scale says nothing).
     */
    private @Nullable Fit fit(int j, BitSet wanted) {
        BitSet preds = (BitSet) wanted.clone();
        long[] complete; // the rows having j and every predictor
        int n;
        while (true) {
            complete = having(j, preds);
            n = count(complete);
            if (n >= config.s2MinModels && !preds.isEmpty() && sampled(n) >= 2 * (preds.cardinality() + 1)) {
                break;
            }
            if (preds.isEmpty()) {
                return null;
            }
            preds.clear(predictorToDrop(j, preds));
        }
        int[] p = preds.stream().toArray();
        int stride = stride(n);
        int m = sampled(n);
        double[] x = new double[m * p.length];
        double[] y = new double[m];
        int seen = 0;
        int r = 0;
        for (int i = nextRow(complete, 0); i >= 0; i = nextRow(complete, i + 1)) {
            double[] row = rows[i];
            if (seen++ % stride != 0) {
                continue;
            }
            for (int k = 0; k < p.length; k++) {
                x[r * p.length + k] = row[p[k]];
            }
            y[r++] = row[j];
        }
        double[] weights = new double[r];
        double[] coef = HuberRegression.fit(x, r, p.length, y, config.s2HuberK, weights);
        double[] res = new double[r];
        HuberRegression.residuals(x, r, p.length, y, coef, res);
        int q = p.length + 1;
        double[] normal = new double[q * q];
        HuberRegression.normalEquations(x, r, p.length, y, weights, normal, new double[q]);
        double[] inverse = LinearSolver.inverseSymmetric(normal, q);
        double rss = 0;
        for (int i = 0; i < r; i++) {
            rss += weights[i] * res[i] * res[i];
        }
        double med = Stats.median(res, r);
        double s = 1.4826 * Stats.mad(res, r, med);
        if (!(s > 0)) {
            double[] centred = new double[r];
            for (int i = 0; i < r; i++) {
                centred[i] = res[i] - med;
            }
            s = sd(centred, r);
        }
        return new Fit(p, coef, med, s > 0 ? s : 1e-9, inverse, rss, new ConcurrentHashMap<>());
    }

    /** Of n rows that can be fitted, a fit takes every stride-th, so as to keep at most {@code s2FitRowLimit}. */
    private int stride(int n) {
        return Math.max(1, (int) Math.ceil((double) n / config.s2FitRowLimit));
    }

    /** How many of n rows a fit takes. */
    private int sampled(int n) {
        int stride = stride(n);
        return (n + stride - 1) / stride;
    }

    /**
     * The predictor whose leaving out leaves the most rows having j and the other predictors (the
     * lowest position on a tie): each count is j's column ANDed with every column but one, taken
     * from the running ANDs of the columns before it and after it.
     */
    private int predictorToDrop(int j, BitSet preds) {
        int[] ks = preds.stream().toArray();
        long[][] before = new long[ks.length + 1][];
        before[0] = present[j];
        for (int i = 0; i < ks.length; i++) {
            before[i + 1] = and(before[i], present[ks[i]]);
        }
        long[] after = null; // the AND of the columns after position i; null for none
        int best = -1;
        int bestN = -1;
        for (int i = ks.length - 1; i >= 0; i--) {
            int m = after == null ? count(before[i]) : countAnd(before[i], after);
            if (m >= bestN) { // from the last to the first, so that the first of equal counts wins
                bestN = m;
                best = ks[i];
            }
            after = after == null ? present[ks[i]] : and(after, present[ks[i]]);
        }
        return best;
    }

    /** The rows having j and every predictor, as a row set. */
    private long[] having(int j, BitSet preds) {
        long[] out = present[j].clone();
        for (int k = preds.nextSetBit(0); k >= 0; k = preds.nextSetBit(k + 1)) {
            long[] col = present[k];
            for (int w = 0; w < out.length; w++) {
                out[w] &= col[w];
            }
        }
        return out;
    }

    private static long[] and(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int w = 0; w < a.length; w++) {
            out[w] = a[w] & b[w];
        }
        return out;
    }

    private static int count(long[] set) {
        int n = 0;
        for (long w : set) {
            n += Long.bitCount(w);
        }
        return n;
    }

    private static int countAnd(long[] a, long[] b) {
        int n = 0;
        for (int w = 0; w < a.length; w++) {
            n += Long.bitCount(a[w] & b[w]);
        }
        return n;
    }

    /** The first row of the set at or after {@code from}, -1 when none. */
    private static int nextRow(long[] set, int from) {
        int w = from >>> 6;
        if (w >= set.length) {
            return -1;
        }
        long word = set[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == set.length) {
                return -1;
            }
            word = set[w];
        }
    }
}
