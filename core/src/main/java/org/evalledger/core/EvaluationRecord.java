package org.evalledger.core;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation run of one model, with one or more task results: the unit that is validated,
 * signed, stored and versioned (schema v1, see {@link #SCHEMA_V1}).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}; the constructor checks what
 * the JSON Schema checks and throws {@link IllegalArgumentException} (or
 * {@link NullPointerException} for a missing required part) naming the field. Rules that relate
 * fields to each other (a value inside its range, unique metric ids, a template hash that matches
 * its template) are checked by validation in {@code evalledger-schema}, which reports every
 * problem at once.
 *
 * <p>Optional parts are {@code null} when absent; collections are never null and are empty when
 * absent.
 *
 * @param recordId producer-chosen id, 1..256 chars of {@code [A-Za-z0-9._:/-]}
 * @param createdAt when the record was written
 * @param evaluatedAt when the run happened
 * @param supersedes digest ({@code sha256:<64 hex>}) of the record this one replaces
 * @param model the model evaluated
 * @param producer who ran or reported it
 * @param references paper, code and source
 * @param harness the harness that produced the numbers
 * @param environment hardware and run settings
 * @param seeds random seeds by name ({@code random}, {@code numpy}, {@code torch}, {@code fewshot}, ...)
 * @param results 1..10000 task results
 * @param extensions data the schema does not define, under reverse-DNS or URI keys
 */
public record EvaluationRecord(
        String recordId,
        Timestamp createdAt,
        @Nullable Timestamp evaluatedAt,
        @Nullable String supersedes,
        Model model,
        Producer producer,
        @Nullable References references,
        @Nullable Harness harness,
        @Nullable Environment environment,
        Map<String, Long> seeds,
        List<Result> results,
        Map<String, JsonValue> extensions) {

    /** The {@code schema} value of every v1 record. */
    public static final String SCHEMA_V1 = "https://evalledger.org/schemas/record/v1";
    /** Most results a record may hold. */
    public static final int MAX_RESULTS = 10_000;

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public EvaluationRecord {
        Checks.matches(recordId, CharRun.RECORD_ID, "recordId");
        Checks.required(createdAt, "createdAt");
        Checks.matchesOrNull(supersedes, CharRun.DIGEST, "supersedes");
        Checks.required(model, "model");
        Checks.required(producer, "producer");
        seeds = Checks.map(seeds, "seeds");
        for (Map.Entry<String, Long> e : seeds.entrySet()) {
            if (Math.abs(e.getValue()) > Checks.MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("seeds." + e.getKey() + " must be within +-(2^53 - 1), got " + e.getValue());
            }
        }
        results = Checks.listSized(results, 1, MAX_RESULTS, "results");
        extensions = Checks.map(extensions, "extensions");
    }

    /** The schema URI of this record: {@link #SCHEMA_V1}. */
    public String schema() {
        return SCHEMA_V1;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().recordId(recordId).createdAt(createdAt).evaluatedAt(evaluatedAt)
                .supersedes(supersedes).model(model).producer(producer).references(references)
                .harness(harness).environment(environment).seeds(seeds).results(results)
                .extensions(extensions);
    }

    /** Builds an {@link EvaluationRecord}; not thread-safe. */
    public static final class Builder {
        private @Nullable String recordId;
        private @Nullable Timestamp createdAt;
        private @Nullable Timestamp evaluatedAt;
        private @Nullable String supersedes;
        private @Nullable Model model;
        private @Nullable Producer producer;
        private @Nullable References references;
        private @Nullable Harness harness;
        private @Nullable Environment environment;
        private Map<String, Long> seeds = Map.of();
        private List<Result> results = List.of();
        private Map<String, JsonValue> extensions = Map.of();

        private Builder() {}

        /** Sets {@code recordId}. @param v the value @return this builder */
        public Builder recordId(String v) { this.recordId = v; return this; }
        /** Sets {@code createdAt}. @param v the value @return this builder */
        public Builder createdAt(Timestamp v) { this.createdAt = v; return this; }
        /** Sets {@code evaluatedAt}. @param v the value or null @return this builder */
        public Builder evaluatedAt(@Nullable Timestamp v) { this.evaluatedAt = v; return this; }
        /** Sets {@code supersedes}. @param v a digest {@code sha256:<hex>} or null @return this builder */
        public Builder supersedes(@Nullable String v) { this.supersedes = v; return this; }
        /** Sets {@code model}. @param v the value @return this builder */
        public Builder model(Model v) { this.model = v; return this; }
        /** Sets {@code producer}. @param v the value @return this builder */
        public Builder producer(Producer v) { this.producer = v; return this; }
        /** Sets {@code references}. @param v the value or null @return this builder */
        public Builder references(@Nullable References v) { this.references = v; return this; }
        /** Sets {@code harness}. @param v the value or null @return this builder */
        public Builder harness(@Nullable Harness v) { this.harness = v; return this; }
        /** Sets {@code environment}. @param v the value or null @return this builder */
        public Builder environment(@Nullable Environment v) { this.environment = v; return this; }
        /** Sets {@code seeds}. @param v the seeds by name @return this builder */
        public Builder seeds(Map<String, Long> v) { this.seeds = v; return this; }
        /** Sets {@code results}. @param v the results @return this builder */
        public Builder results(List<Result> v) { this.results = v; return this; }
        /** Adds one result. @param v the result @return this builder */
        public Builder addResult(Result v) {
            this.results = new java.util.ArrayList<>(results);
            this.results.add(v);
            return this;
        }
        /** Sets {@code extensions}. @param v the extensions by key @return this builder */
        public Builder extensions(Map<String, JsonValue> v) { this.extensions = v; return this; }

        /** @return the record @throws IllegalArgumentException naming the first field that is wrong */
        public EvaluationRecord build() {
            return new EvaluationRecord(Checks.required(recordId, "recordId"), Checks.required(createdAt, "createdAt"),
                    evaluatedAt, supersedes, Checks.required(model, "model"), Checks.required(producer, "producer"),
                    references, harness, environment, seeds, results, extensions);
        }
    }
}
