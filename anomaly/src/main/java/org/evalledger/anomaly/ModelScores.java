package org.evalledger.anomaly;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One model's scores by benchmark id: a row of a leaderboard table, or what a record contributes.
 * Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * @param modelId the model's hub or API id
 * @param parameters total parameter count; {@code null} or 0 when unknown (S1 then skips the model)
 * @param parent the id of the model it derives from ({@code baseModel}); {@code null} when none
 * @param transition how it derives from its parent; {@code null} when unknown ({@link Transition#OTHER} is used)
 * @param asOf when the scores were produced, to order versions of one model id; {@code null} when unknown
 * @param scores by canonical benchmark id, iteration in id order
 */
public record ModelScores(String modelId, @Nullable Long parameters, @Nullable String parent, @Nullable Transition transition,
        @Nullable Instant asOf, Map<String, Score> scores) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public ModelScores {
        Objects.requireNonNull(modelId, "modelId");
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        if (parameters != null && parameters < 0) {
            throw new IllegalArgumentException("parameters must be >= 0, got " + parameters);
        }
        TreeMap<String, Score> copy = new TreeMap<>();
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "benchmark id"), Objects.requireNonNull(e.getValue(), "score"));
        }
        scores = Collections.unmodifiableMap(copy);
    }

    /** A builder for this model id. */
    public static Builder builder(String modelId) {
        return new Builder(modelId);
    }

    /** A builder holding this row's values. */
    public Builder toBuilder() {
        Builder b = new Builder(modelId).parameters(parameters).parent(parent).transition(transition).asOf(asOf);
        b.scores.putAll(scores);
        return b;
    }

    /** The parameter count when it is known and positive. */
    boolean hasSize() {
        return parameters != null && parameters > 0;
    }

    /** Builds a {@link ModelScores}. Not thread-safe. */
    public static final class Builder {
        private final String modelId;
        private @Nullable Long parameters;
        private @Nullable String parent;
        private @Nullable Transition transition;
        private @Nullable Instant asOf;
        private final Map<String, Score> scores = new TreeMap<>();

        private Builder(String modelId) {
            this.modelId = modelId;
        }

        /** Total parameter count. */
        public Builder parameters(@Nullable Long parameters) {
            this.parameters = parameters;
            return this;
        }

        /** The parent model id. */
        public Builder parent(@Nullable String parent) {
            this.parent = parent;
            return this;
        }

        /** How the model derives from its parent. */
        public Builder transition(@Nullable Transition transition) {
            this.transition = transition;
            return this;
        }

        /** When the scores were produced. */
        public Builder asOf(@Nullable Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        /** Adds or replaces the score of a benchmark (canonical id). */
        public Builder score(String benchmark, Score score) {
            scores.put(benchmark, score);
            return this;
        }

        /** Removes a benchmark's score. */
        public Builder remove(String benchmark) {
            scores.remove(benchmark);
            return this;
        }

        /** The row. */
        public ModelScores build() {
            return new ModelScores(modelId, parameters, parent, transition, asOf, scores);
        }
    }
}
