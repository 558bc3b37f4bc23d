package org.evalledger.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.evalledger.core.EvaluationRecord;

/**
 * The reference population: the scores of many known models, against which a candidate is
 * judged. Build it once from records ({@link #of(Collection)}) or from a plain model × benchmark
 * table such as a leaderboard ({@link #ofTable(Collection)}), then fit an
 * {@link AnomalyDetector} on it and share that detector. Immutable and thread-safe.
 *
 * <p>Records of one model id are merged into one row: for each benchmark the most recent score
 * counts (by {@code evaluatedAt}, else {@code createdAt}), and each score it replaced becomes an
 * earlier version, so that the population knows how much re-evaluations of the same model
 * typically move (S3's "new version" transition). Results that cannot be compared with other
 * models (no catalogue metric, another n-shot, a unit that is not 0–1 or 0–100) are left out and
 * listed by {@link #notes()}.
 */
public final class Population {
    private final Catalogue catalogue;
    private final List<ModelScores> models;
    private final List<VersionPair> versionPairs;
    private final List<String> notes;

    /** Two consecutive scores of one benchmark of one model id. */
    record VersionPair(String modelId, String benchmark, Score older, Score newer) {}

    private Population(Catalogue catalogue, List<ModelScores> models, List<VersionPair> versionPairs, List<String> notes) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.models = List.copyOf(models);
        this.versionPairs = List.copyOf(versionPairs);
        this.notes = List.copyOf(notes);
    }

    /** A population with no models: population detectors skip, saying why; R1–R4 still run. */
    public static Population empty() {
        return new Population(Catalogue.defaults(), List.of(), List.of(), List.of());
    }

    /** The population of these records, read with the default catalogue. */
    public static Population of(Collection<EvaluationRecord> records) {
        return of(records, Catalogue.defaults());
    }

    /** The population of these records, read with this catalogue (it decides which metric of a result counts). */
    public static Population of(Collection<EvaluationRecord> records, Catalogue catalogue) {
        Map<String, List<ModelScores>> byModel = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (EvaluationRecord r : records) {
            RecordScores rs = RecordScores.of(r, catalogue);
            for (String n : rs.notComparable()) {
                notes.add(r.recordId() + ": " + n);
            }
            if (!rs.scores().scores().isEmpty()) {
                byModel.computeIfAbsent(rs.scores().modelId(), k -> new ArrayList<>()).add(rs.scores());
            }
        }
        List<ModelScores> merged = new ArrayList<>();
        List<VersionPair> pairs = new ArrayList<>();
        Comparator<ModelScores> byTime = Comparator.comparing(ModelScores::asOf, Comparator.nullsFirst(Comparator.naturalOrder()));
        for (List<ModelScores> group : byModel.values()) {
            if (group.size() == 1) { // one record of this model id (most of a table): its row as it is
                merged.add(group.get(0));
                continue;
            }
            group.sort(byTime); // stable: records without a time keep their order, first
            ModelScores.Builder b = group.get(0).toBuilder();
            Map<String, Score> current = new LinkedHashMap<>(group.get(0).scores());
            for (ModelScores later : group.subList(1, group.size())) {
                for (Map.Entry<String, Score> e : later.scores().entrySet()) {
                    Score old = current.put(e.getKey(), e.getValue());
                    if (old != null) {
                        pairs.add(new VersionPair(later.modelId(), e.getKey(), old, e.getValue()));
                    }
                    b.score(e.getKey(), e.getValue());
                }
                if (later.parameters() != null) {
                    b.parameters(later.parameters());
                }
                if (later.parent() != null) {
                    b.parent(later.parent());
                }
                if (later.transition() != null) {
                    b.transition(later.transition());
                }
                if (later.asOf() != null) {
                    b.asOf(later.asOf());
                }
            }
            merged.add(b.build());
        }
        return new Population(catalogue, merged, pairs, notes);
    }

    /** The population of a table's rows, with the default catalogue. */
    public static Population ofTable(Collection<ModelScores> rows) {
        return ofTable(rows, Catalogue.defaults());
    }

    /**
     * The population of a table's rows, kept as given (a leaderboard lists one model at several
     * precisions as several rows; S1 and D1 never compare a model with rows of its own id). Rows of one
     * model id with different {@link ModelScores#asOf()} times are versions of it.
     */
    public static Population ofTable(Collection<ModelScores> rows, Catalogue catalogue) {
        Map<String, List<ModelScores>> timed = new LinkedHashMap<>();
        for (ModelScores m : rows) {
            Objects.requireNonNull(m, "row");
            if (m.asOf() != null) {
                timed.computeIfAbsent(m.modelId(), k -> new ArrayList<>()).add(m);
            }
        }
        List<VersionPair> pairs = new ArrayList<>();
        for (List<ModelScores> group : timed.values()) {
            group.sort(Comparator.comparing(ModelScores::asOf));
            for (int i = 1; i < group.size(); i++) {
                ModelScores older = group.get(i - 1);
                ModelScores newer = group.get(i);
                Instant a = older.asOf();
                if (a != null && a.equals(newer.asOf())) {
                    continue;
                }
                for (Map.Entry<String, Score> e : newer.scores().entrySet()) {
                    Score o = older.scores().get(e.getKey());
                    if (o != null) {
                        pairs.add(new VersionPair(newer.modelId(), e.getKey(), o, e.getValue()));
                    }
                }
            }
        }
        return new Population(catalogue, List.copyOf(rows), pairs, List.of());
    }

    /** The catalogue the population was read with; detectors fitted on it use it too. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /** The rows, in the order given (records: one row per model id). */
    public List<ModelScores> models() {
        return models;
    }

    /** Number of rows. */
    public int size() {
        return models.size();
    }

    /** Why some record results were left out, one line each ({@code recordId: benchmark: reason}). */
    public List<String> notes() {
        return notes;
    }

    List<VersionPair> versionPairs() {
        return versionPairs;
    }

    @Override
    public String toString() {
        return "Population[" + models.size() + " rows, " + versionPairs.size() + " version pairs]";
    }
}
