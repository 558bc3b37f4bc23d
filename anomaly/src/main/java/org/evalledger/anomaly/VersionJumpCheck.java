package org.evalledger.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.anomaly.internal.Stats;
import org.jspecify.annotations.Nullable;

/**
 * S3: for a model and its earlier version (same model id, earlier {@code asOf}) or its declared
 * parent, Δ = x_new − x_old per shared benchmark is flagged when |Δ| > 3·√(s_new² + s_old²) (a
 * missing stderr is the binomial SE over the item count) and |Δ − median Δ| > 3.5·MAD/0.6745, the
 * median and MAD taken over the population's pairs of the same transition type (its own
 * parent→child pairs, and re-evaluations of one model id for {@link Transition#NEW_VERSION}); a type
 * with fewer than 8 pairs on that benchmark uses all types pooled. Immutable after construction and
 * thread-safe.
 */
final class VersionJumpCheck {
    private final Map<String, List<ModelScores>> byId = new HashMap<>();
    /** Per model id: the row that stands for it as a parent ({@link #representative}), found once. */
    private final Map<String, ModelScores> representatives = new HashMap<>();
    private final Map<Transition, Map<String, Typical>> deltas = new EnumMap<>(Transition.class);
    private final Map<String, Typical> pooled = new HashMap<>();

    VersionJumpCheck(Population population, boolean[] excluded) {
        List<ModelScores> models = population.models();
        for (int i = 0; i < models.size(); i++) {
            if (!excluded[i]) {
                byId.computeIfAbsent(models.get(i).modelId(), k -> new ArrayList<>()).add(models.get(i));
            }
        }
        // once per id, not once per child: a parent id with many rows and many children stays linear
        byId.forEach((id, rows) -> representatives.put(id, mostScores(rows)));
        Map<Transition, Map<String, List<Double>>> lists = new EnumMap<>(Transition.class);
        Map<String, List<Double>> all = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelScores child = models.get(i);
            if (excluded[i] || child.parent() == null || child.parent().equals(child.modelId())) {
                continue;
            }
            ModelScores parent = representative(child.parent());
            if (parent == null) {
                continue;
            }
            addDeltas(child, parent, lists, all);
        }
        for (Population.VersionPair p : population.versionPairs()) {
            double d = p.newer().points() - p.older().points();
            lists.computeIfAbsent(Transition.NEW_VERSION, k -> new HashMap<>()).computeIfAbsent(p.benchmark(), k -> new ArrayList<>()).add(d);
            all.computeIfAbsent(p.benchmark(), k -> new ArrayList<>()).add(d);
        }
        lists.forEach((t, m) -> {
            Map<String, Typical> out = new HashMap<>();
            m.forEach((b, l) -> out.put(b, Typical.of(l)));
            deltas.put(t, out);
        });
        all.forEach((b, l) -> pooled.put(b, Typical.of(l)));
    }

    /**
     * Adds a child's deltas from its parent, per shared benchmark, to its transition type's lists and
     * to the pooled ones. A method per child, so that a JIT compiles it instead of interpreting the
     * fit's one loop over the models.
     */
    private static void addDeltas(ModelScores child, ModelScores parent, Map<Transition, Map<String, List<Double>>> lists,
            Map<String, List<Double>> all) {
        Transition t = child.transition() == null ? Transition.OTHER : child.transition();
        for (Map.Entry<String, Score> e : child.scores().entrySet()) {
            Score old = parent.scores().get(e.getKey());
            if (old != null) {
                double d = e.getValue().points() - old.points();
                lists.computeIfAbsent(t, k -> new HashMap<>()).computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
                all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
            }
        }
    }

    /** The row of a model id that stands for it as a parent: the one with most scores, the first on ties. */
    private @Nullable ModelScores representative(String id) {
        return representatives.get(id);
    }

    /** The row with most scores, the first on ties. */
    private static ModelScores mostScores(List<ModelScores> rows) {
        ModelScores best = rows.get(0);
        for (ModelScores r : rows) {
            if (r.scores().size() > best.scores().size()) {
                best = r;
            }
        }
        return best;
    }

    void run(Check c) {
        ModelScores m = c.model;
        Instant asOf = m.asOf();
        if (asOf != null) {
            ModelScores earlier = null;
            for (ModelScores r : byId.getOrDefault(m.modelId(), List.of())) {
                if (r.asOf() != null && r.asOf().isBefore(asOf) && (earlier == null || r.asOf().isAfter(earlier.asOf()))) {
                    earlier = r;
                }
            }
            if (earlier != null) {
                compare(c, earlier, Transition.NEW_VERSION, "its earlier version of " + earlier.asOf());
            }
        }
        String parentId = m.parent();
        if (parentId != null && !parentId.equals(m.modelId())) {
            ModelScores parent = representative(parentId);
            if (parent == null) {
                c.skip(DetectorId.S3, () -> "parent " + parentId + " is not in the population");
            } else {
                compare(c, parent, m.transition() == null ? Transition.OTHER : m.transition(), "parent " + parentId);
            }
        }
    }

    private void compare(Check c, ModelScores old, Transition type, String what) {
        for (VersionJump j : jumps(c, old, type, what)) {
            if (j.flagged()) {
                c.flag(DetectorId.S3, j.benchmark(), j.metric(), j.newer(), Expected.point(j.older() + j.typicalDelta()),
                        Statistic.modifiedZ(j.z()), j.explanation());
            }
        }
    }

    /** S3 on every benchmark the two rows share; what cannot be judged is recorded as skipped on the check. */
    List<VersionJump> jumps(Check c, ModelScores old, Transition type, String what) {
        List<VersionJump> out = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            String b = c.ids[k];
            Score was = old.scores().get(b);
            if (was == null) {
                continue;
            }
            Score now = c.scores[k];
            Double seNew = se(now, c.entries[k]);
            Double seOld = se(was, c.entries[k]);
            if (seNew == null || seOld == null) {
                c.skip(DetectorId.S3, () -> b + ": no stderr and no item count, so the sampling noise of a jump is unknown");
                continue;
            }
            Typical ref = deltas.getOrDefault(type, Map.of()).get(b);
            String refName = type.name().toLowerCase(java.util.Locale.ROOT) + " pairs";
            if (ref == null || ref.count() < c.config.s3MinPairs) {
                ref = pooled.get(b);
                refName = "pairs of all types";
            }
            if (ref == null || ref.count() < c.config.s3MinPairs) {
                c.skip(DetectorId.S3, () -> b + ": fewer than " + c.config.s3MinPairs + " population pairs show how far it typically moves");
                continue;
            }
            double delta = now.points() - was.points();
            double noise = Math.sqrt(seNew * seNew + seOld * seOld);
            double med = ref.median();
            double mad = Math.max(ref.mad(), c.config.s3MadFloor);
            double z = Stats.modifiedZ(delta, med, mad);
            boolean flagged = Math.abs(delta) > c.config.s3Sigmas * noise && Math.abs(z) > c.config.s3Z;
            out.add(new VersionJump(b, c.metric(k), was.points(), now.points(), delta, noise, med, z, flagged,
                    b + " moved " + Check.signed(delta) + " points from " + what + " (" + Check.fmt(was.points()) + " -> "
                            + Check.fmt(now.points()) + "); " + ref.count() + " " + refName + " typically move "
                            + Check.signed(med) + " (MAD " + Check.fmt(mad) + "), robust z " + Check.z(z)));
        }
        return out;
    }

    /** The standard error of a score of a benchmark with this catalogue entry (null: none), in points. */
    private static @Nullable Double se(Score s, @Nullable Benchmark entry) {
        Double se = s.stderrPoints();
        if (se != null) {
            return se;
        }
        Long n = Check.items(s, entry);
        if (n == null) {
            return null;
        }
        double p = Math.min(Math.max(s.points() / 100, 0), 1);
        return 100 * Stats.binomialSe(p, n);
    }
}
