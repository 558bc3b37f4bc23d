package org.evalledger.anomaly;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * (j, S) and cached; when too few models have all of S, the predictor that costs most models is
 * dropped until enough remain). The residual's robust z is (r − median)/(1.4826·MAD) of the
 * population's residuals of that regression, the scale floored at the equivalent of 0.5 points.
 * Outliers are then masked one at a time (at most two): the benchmark with the most extreme |z|
 * beyond 3.5 keeps its z and is left out of the others' predictions, which are made again (the
 * regressions fitted on all of the candidate's benchmarks, with the masked ones left out of their
 * weighted least squares at the final Huber weights, the residual scale grown with the weighted
 * residual sum of squares: no new fit per combination of masked benchmarks); a broken
 * run (GSM8K at 0) must not make the healthy benchmarks look inflated, nor an inflated one its
 * partners broken. The bound keeps the number of distinct regressions a population needs small. The largest inflation-side z is the candidate's S2 score; above 3.5 it is
 * flagged with the points it sits above prediction. S5 reports an RMS of the z's above 2.5 as
 * information.
 *
 * <p>Immutable after construction apart from the cache of fitted regressions, which is a
 * concurrent map: thread-safe.
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
    private final Map<String, String> notModelled = new HashMap<>();
    private final Map<Key, Optional<Fit>> fits = new ConcurrentHashMap<>();

    private record Key(int j, BitSet predictors) {}

    /**
     * One fitted regression of j on predictors, in standardised units, with what leaving predictors
     * out needs: the inverse of its weighted normal matrix at the final Huber weights and the weighted
     * residual sum of squares.
     */
    private record Fit(int j, int[] predictors, double[] coef, double median, double scale, int rows, double[] inverse, double rss) {}

    /** The S2 result of one benchmark of a candidate. */
    record Residual(String benchmark, double z, double predictedPoints, int predictors) {}

    ResidualCheck(List<ModelScores> models, boolean[] excluded, Catalogue catalogue, AnomalyConfig config) {
        this.config = config;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            if (!excluded[i]) {
                for (String b : models.get(i).scores().keySet()) {
                    counts.merge(b, 1, Integer::sum);
                }
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
            double[] r = new double[nb];
            int have = 0;
            for (int j = 0; j < nb; j++) {
                Score s = models.get(i).scores().get(kept.get(j));
                r[j] = s == null ? Double.NaN : logit(s.points(), ch[j], config.s2Clip);
                have += s == null ? 0 : 1;
            }
            if (have >= 2) {
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
        List<double[]> std = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            double[] z = new double[nu];
            int have = 0;
            for (int u = 0; u < nu; u++) {
                double v = r[kept.indexOf(ids[u])];
                z[u] = (v - center[u]) / scale[u];
                have += Double.isNaN(v) ? 0 : 1;
            }
            if (have >= 2) {
                std.add(z);
            }
        }
        rows = std.toArray(new double[0][]);
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
        List<Integer> have = new ArrayList<>();
        double[] z = new double[ids.length];
        for (Map.Entry<String, Score> e : c.model.scores().entrySet()) {
            Integer u = index.get(e.getKey());
            if (u == null) {
                String why = notModelled.get(e.getKey());
                c.skip(DetectorId.S2, e.getKey() + ": " + (why != null ? why : "no population model has it"));
                continue;
            }
            have.add(u);
            z[u] = (logit(e.getValue().points(), chance[u], config.s2Clip) - center[u]) / scale[u];
        }
        if (have.size() < 2) {
            c.skip(DetectorId.S2, "needs at least two benchmarks that the population models, has " + have.size());
            c.skip(DetectorId.S5, "no S2 residuals to spread");
            return;
        }
        // Mask outliers one at a time: the benchmark with the most extreme |z| beyond the drop
        // threshold keeps that z and stops predicting the others, which are scored again without it.
        // A broken GSM8K (far below prediction) must not make the healthy benchmarks look inflated,
        // and an inflated MMLU must not make its correlated partners look broken.
        Map<Integer, Residual> res = new HashMap<>();
        List<Integer> masked = new ArrayList<>();
        Fit[] fitted = new Fit[ids.length];
        boolean[] looked = new boolean[ids.length];
        while (true) {
            Map<Integer, Residual> round = new HashMap<>();
            for (int j : have) {
                if (!masked.contains(j)) {
                    Residual r = residual(j, have, masked, z, c, fitted, looked);
                    if (r != null) {
                        round.put(j, r);
                    }
                }
            }
            res.putAll(round);
            Integer worst = null;
            for (Map.Entry<Integer, Residual> e : round.entrySet()) {
                if (Math.abs(e.getValue().z()) > config.s2DropBelow
                        && (worst == null || Math.abs(e.getValue().z()) > Math.abs(round.get(worst).z()))) {
                    worst = e.getKey();
                }
            }
            if (worst == null || have.size() - masked.size() - 1 < 2 || masked.size() >= config.s2MaxMasked) {
                break;
            }
            masked.add(worst);
        }
        double sumSq = 0;
        String widest = null;
        for (int j : have) {
            Residual r = res.get(j);
            if (r == null) {
                continue;
            }
            sumSq += r.z() * r.z();
            if (widest == null || Math.abs(r.z()) > Math.abs(res.get(index.get(widest)).z())) {
                widest = r.benchmark();
            }
            c.s2z.put(r.benchmark(), r.z());
            if (r.z() > config.s2Z) {
                Score s = c.model.scores().get(r.benchmark());
                double x = s.points();
                c.flag(DetectorId.S2, r.benchmark(), c.metric(r.benchmark(), s), x, Expected.point(r.predictedPoints()), new Statistic("robust_z", r.z()),
                        r.benchmark() + " " + Check.fmt(x) + " is " + Check.fmt(x - r.predictedPoints()) + " points above the "
                                + Check.fmt(r.predictedPoints()) + " predicted from its other " + r.predictors()
                                + " benchmark" + (r.predictors() == 1 ? "" : "s") + "; residual z " + Check.z(r.z()));
            }
        }
        if (res.size() < 3) {
            c.skip(DetectorId.S5, "needs S2 residuals of at least three benchmarks, has " + res.size());
        } else {
            double rms = Math.sqrt(sumSq / res.size());
            if (rms > config.s5Rms) {
                Score s = c.model.scores().get(widest);
                c.flag(DetectorId.S5, widest, c.metric(widest, s), rms, Expected.atMost(config.s5Rms), new Statistic("rms_z", rms),
                        "its " + res.size() + " benchmarks disagree with each other more than usual (RMS residual z "
                                + Check.z(rms) + ", widest on " + widest + "): an unusual profile, a weak signal");
            }
        }
    }

    /**
     * The residual of j, predicted from the candidate's other benchmarks by the regression fitted on
     * all of them ({@code fitted[j]}, looked up once per candidate); benchmarks masked as outliers are
     * left out of that regression by {@link LinearSolver#leaveOut}.
     */
    private @Nullable Residual residual(int j, List<Integer> have, List<Integer> masked, double[] z, Check c, @Nullable Fit[] fitted,
            boolean[] looked) {
        if (!looked[j]) {
            fitted[j] = fitFor(j, have);
            looked[j] = true;
        }
        Fit f = fitted[j];
        if (f == null) {
            c.skip(DetectorId.S2, ids[j] + ": too few population models share it with the model's other benchmarks");
            return null;
        }
        int[] p = f.predictors();
        int dropped = 0;
        for (int k : p) {
            dropped += masked.contains(k) ? 1 : 0;
        }
        double[] coef = f.coef();
        double spread = f.scale();
        if (dropped > 0) {
            int[] out = new int[dropped];
            int n = 0;
            for (int k = 0; k < p.length; k++) {
                if (masked.contains(p[k])) {
                    out[n++] = k + 1;
                }
            }
            double[] rss = {f.rss()};
            coef = LinearSolver.leaveOut(f.inverse(), f.coef(), out, rss);
            spread = f.rss() > 0 ? f.scale() * Math.sqrt(rss[0] / f.rss()) : f.scale();
        }
        double pred = coef[0];
        for (int k = 0; k < p.length; k++) {
            pred += coef[k + 1] * z[p[k]]; // a left-out predictor's coefficient is 0
        }
        double fit = pred + f.median();
        double ell = center[j] + scale[j] * fit;
        double a = Math.min(Math.max(Stats.logistic(ell), config.s2Clip), 1 - config.s2Clip);
        double predictedPoints = 100 * (chance[j] + (1 - chance[j]) * a);
        // 0.5 points expressed in standardised logit units at the predicted level
        double floor = 0.5 / (100 * (1 - chance[j]) * a * (1 - a)) / scale[j];
        double zz = (z[j] - fit) / Math.max(spread, floor);
        return new Residual(ids[j], zz, predictedPoints, p.length - dropped);
    }

    private @Nullable Fit fitFor(int j, List<Integer> have) {
        BitSet mask = new BitSet();
        for (int k : have) {
            if (k != j) {
                mask.set(k);
            }
        }
        Key key = new Key(j, mask);
        Optional<Fit> known = fits.get(key); // fitted before: a plain read, no lock
        return (known != null ? known : fits.computeIfAbsent(key, k -> Optional.ofNullable(fit(k.j(), k.predictors())))).orElse(null);
    }

    /** Fits j on the predictors, dropping predictors until enough rows remain; null when none can. */
    private @Nullable Fit fit(int j, BitSet wanted) {
        BitSet preds = (BitSet) wanted.clone();
        while (true) {
            int n = count(j, preds);
            if (n >= config.s2MinModels && !preds.isEmpty()) {
                break;
            }
            if (preds.isEmpty()) {
                return null;
            }
            int bestDrop = -1;
            int bestN = -1;
            for (int k = preds.nextSetBit(0); k >= 0; k = preds.nextSetBit(k + 1)) {
                preds.clear(k);
                int m = count(j, preds);
                preds.set(k);
                if (m > bestN) {
                    bestN = m;
                    bestDrop = k;
                }
            }
            preds.clear(bestDrop);
        }
        int[] p = preds.stream().toArray();
        int n = count(j, preds);
        int stride = Math.max(1, (int) Math.ceil((double) n / config.s2FitRowLimit));
        int m = (n + stride - 1) / stride;
        double[] x = new double[m * p.length];
        double[] y = new double[m];
        int seen = 0;
        int r = 0;
        for (double[] row : rows) {
            if (!complete(row, j, preds)) {
                continue;
            }
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
        return new Fit(j, p, coef, med, s > 0 ? s : 1e-9, r, inverse, rss);
    }

    private int count(int j, BitSet preds) {
        int n = 0;
        for (double[] row : rows) {
            if (complete(row, j, preds)) {
                n++;
            }
        }
        return n;
    }

    private static boolean complete(double[] row, int j, BitSet preds) {
        if (Double.isNaN(row[j])) {
            return false;
        }
        for (int k = preds.nextSetBit(0); k >= 0; k = preds.nextSetBit(k + 1)) {
            if (Double.isNaN(row[k])) {
                return false;
            }
        }
        return true;
    }
}
