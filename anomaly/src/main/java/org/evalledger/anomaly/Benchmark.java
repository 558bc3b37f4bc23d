package org.evalledger.anomaly;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the catalogue knows about one benchmark (ANOMALY.md "Benchmark ids"). Immutable and
 * thread-safe.
 *
 * @param id canonical benchmark id, as in records and {@link org.evalledger.core.BenchmarkIds}
 * @param family e.g. {@code knowledge}, {@code reasoning}, {@code math}, {@code code}
 * @param metrics the metric ids a record must carry for its score to be compared with the
 *     population (the first is the canonical one); never empty
 * @param fewShot the n-shot of the comparable setting; {@code null} when any is fine
 * @param items number of test items n; {@code null} when unknown
 * @param chance the score of random guessing as a proportion; {@code null} when none is set
 * @param kind whether a score is k/n
 * @param ceiling the highest attainable proportion when below 1 (e.g. MMLU's 0.935, from wrong answer
 *     keys); {@code null} when none is known
 * @param easy whether a capable model cannot score at chance on it (arc, hellaswag, winogrande):
 *     such a score means a broken run (R4)
 * @param twin a contamination-free twin benchmark id (S4), {@code null} when there is none
 */
public record Benchmark(
        String id,
        String family,
        List<String> metrics,
        @Nullable Integer fewShot,
        @Nullable Long items,
        @Nullable Double chance,
        ScoreKind kind,
        @Nullable Double ceiling,
        boolean easy,
        @Nullable String twin) {

    private static final Pattern ID = Pattern.compile("[a-z0-9_.-]+");

    /** @throws IllegalArgumentException naming the field that is wrong */
    public Benchmark {
        checkId(id, "id");
        Objects.requireNonNull(family, "family");
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + id + ": metrics must name at least one metric id");
        }
        if (fewShot != null && fewShot < 0) {
            throw new IllegalArgumentException("benchmark " + id + ": fewShot must be >= 0, got " + fewShot);
        }
        if (items != null && items < 1) {
            throw new IllegalArgumentException("benchmark " + id + ": items must be >= 1, got " + items);
        }
        if (chance != null && !(chance >= 0 && chance < 1)) {
            throw new IllegalArgumentException("benchmark " + id + ": chance must be in [0, 1), got " + chance);
        }
        Objects.requireNonNull(kind, "kind");
        if (ceiling != null && !(ceiling > 0 && ceiling <= 1)) {
            throw new IllegalArgumentException("benchmark " + id + ": ceiling must be in (0, 1], got " + ceiling);
        }
        if (twin != null) {
            checkId(twin, "twin");
        }
    }

    private static void checkId(String id, String field) {
        Objects.requireNonNull(id, field);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " must be a canonical benchmark id [a-z0-9_.-]+, got \"" + id + "\"");
        }
    }

    /** The canonical metric id, the first of {@link #metrics()}. */
    public String metric() {
        return metrics.get(0);
    }

    /** The chance level as a proportion, 0 when none is set. */
    public double chanceOrZero() {
        return chance == null ? 0 : chance;
    }
}
