package org.evalledger.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What was evaluated and how ({@code results[].task}). Immutable and thread-safe; build one
 * with {@link #builder(String)}.
 *
 * @param benchmark canonical benchmark id, lower-case {@code [a-z0-9_.-]+} (e.g. {@code mmlu})
 * @param name display name
 * @param version task version
 * @param dataset the dataset and its revision
 * @param fewShot number of few-shot examples, {@code >= 0}
 * @param samples how many samples exist and were evaluated
 * @param prompt prompt template and hashes
 * @param generation generation settings
 * @param filter post-processing filter; {@code null} when none ({@code "none"} is read as none)
 * @param subtasks benchmark ids this result aggregates; empty when it is not a group
 */
public record Task(
        String benchmark,
        @Nullable String name,
        @Nullable String version,
        @Nullable Dataset dataset,
        @Nullable Integer fewShot,
        @Nullable Samples samples,
        @Nullable Prompt prompt,
        @Nullable Generation generation,
        @Nullable String filter,
        List<String> subtasks) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Task {
        Checks.matches(benchmark, CharRun.BENCHMARK, "task.benchmark");
        Checks.atLeastOrNull(fewShot, 0, "task.fewShot");
        Checks.nonEmptyOrNull(filter, "task.filter");
        subtasks = Checks.list(subtasks, "task.subtasks");
        for (String s : subtasks) {
            Checks.matches(s, CharRun.BENCHMARK, "task.subtasks[]");
        }
    }

    /** A task with a benchmark id only. */
    public static Task of(String benchmark) {
        return builder(benchmark).build();
    }

    /** A builder for a task on this benchmark. */
    public static Builder builder(String benchmark) {
        return new Builder(benchmark);
    }

    /** A builder holding this task's values. */
    public Builder toBuilder() {
        return new Builder(benchmark).name(name).version(version).dataset(dataset).fewShot(fewShot)
                .samples(samples).prompt(prompt).generation(generation).filter(filter).subtasks(subtasks);
    }

    /**
     * A dataset ({@code task.dataset}).
     *
     * @param id dataset id, e.g. a hub id
     * @param config dataset configuration (subset)
     * @param split split evaluated
     * @param revision dataset revision
     */
    public record Dataset(String id, @Nullable String config, @Nullable String split, @Nullable String revision) {
        /** @throws IllegalArgumentException when the id is empty */
        public Dataset {
            Checks.nonEmpty(id, "task.dataset.id");
        }
    }

    /**
     * Sample counts ({@code task.samples}).
     *
     * @param total samples in the split, {@code >= 1}
     * @param evaluated samples evaluated, {@code >= 1}
     */
    public record Samples(@Nullable Long total, long evaluated) {
        /** @throws IllegalArgumentException when a count is below 1 */
        public Samples {
            Checks.atLeastOrNull(total, 1, "task.samples.total");
            Checks.atLeast(evaluated, 1, "task.samples.evaluated");
        }
    }

    /**
     * Prompt template and hashes ({@code task.prompt}); hashes are lower-case hex SHA-256.
     *
     * @param template the prompt template
     * @param templateSha256 SHA-256 of the template's UTF-8 bytes
     * @param systemPromptSha256 SHA-256 of the system prompt
     * @param chatTemplateSha256 SHA-256 of the chat template
     */
    public record Prompt(
            @Nullable String template,
            @Nullable String templateSha256,
            @Nullable String systemPromptSha256,
            @Nullable String chatTemplateSha256) {
        /** @throws IllegalArgumentException when a hash is not 64 lower-case hex digits */
        public Prompt {
            Checks.matchesOrNull(templateSha256, CharRun.HEX64, "task.prompt.templateSha256");
            Checks.matchesOrNull(systemPromptSha256, CharRun.HEX64, "task.prompt.systemPromptSha256");
            Checks.matchesOrNull(chatTemplateSha256, CharRun.HEX64, "task.prompt.chatTemplateSha256");
        }
    }

    /**
     * Generation settings ({@code task.generation}).
     *
     * @param temperature sampling temperature, {@code >= 0}
     * @param topP nucleus sampling mass, {@code >= 0}
     * @param topK top-k sampling, {@code >= 0}
     * @param maxTokens token budget, {@code >= 1}
     * @param stop stop sequences; empty when absent
     * @param doSample whether sampling was on
     * @param reasoning reasoning flag or level
     */
    public record Generation(
            @Nullable Double temperature,
            @Nullable Double topP,
            @Nullable Integer topK,
            @Nullable Integer maxTokens,
            List<String> stop,
            @Nullable Boolean doSample,
            @Nullable Reasoning reasoning) {
        /** @throws IllegalArgumentException naming the field that is wrong */
        public Generation {
            if (temperature != null) {
                Checks.nonNegative(temperature, "task.generation.temperature");
            }
            if (topP != null) {
                Checks.nonNegative(topP, "task.generation.topP");
            }
            Checks.atLeastOrNull(topK, 0, "task.generation.topK");
            Checks.atLeastOrNull(maxTokens, 1, "task.generation.maxTokens");
            stop = Checks.list(stop, "task.generation.stop");
        }
    }

    /** Builds a {@link Task}; not thread-safe. */
    public static final class Builder {
        private String benchmark;
        private @Nullable String name;
        private @Nullable String version;
        private @Nullable Dataset dataset;
        private @Nullable Integer fewShot;
        private @Nullable Samples samples;
        private @Nullable Prompt prompt;
        private @Nullable Generation generation;
        private @Nullable String filter;
        private List<String> subtasks = List.of();

        private Builder(String benchmark) {
            this.benchmark = benchmark;
        }

        /** Sets {@code benchmark}. @param v the value @return this builder */
        public Builder benchmark(String v) { this.benchmark = v; return this; }
        /** Sets {@code name}. @param v the value or null @return this builder */
        public Builder name(@Nullable String v) { this.name = v; return this; }
        /** Sets {@code version}. @param v the value or null @return this builder */
        public Builder version(@Nullable String v) { this.version = v; return this; }
        /** Sets {@code dataset}. @param v the value or null @return this builder */
        public Builder dataset(@Nullable Dataset v) { this.dataset = v; return this; }
        /** Sets {@code fewShot}. @param v the value or null @return this builder */
        public Builder fewShot(@Nullable Integer v) { this.fewShot = v; return this; }
        /** Sets {@code samples}. @param v the value or null @return this builder */
        public Builder samples(@Nullable Samples v) { this.samples = v; return this; }
        /** Sets {@code prompt}. @param v the value or null @return this builder */
        public Builder prompt(@Nullable Prompt v) { this.prompt = v; return this; }
        /** Sets {@code generation}. @param v the value or null @return this builder */
        public Builder generation(@Nullable Generation v) { this.generation = v; return this; }
        /** Sets {@code filter}. @param v the value or null @return this builder */
        public Builder filter(@Nullable String v) { this.filter = v; return this; }
        /** Sets {@code subtasks}. @param v the benchmark ids @return this builder */
        public Builder subtasks(List<String> v) { this.subtasks = v; return this; }

        /** @return the task @throws IllegalArgumentException naming the first field that is wrong */
        public Task build() {
            return new Task(benchmark, name, version, dataset, fewShot, samples, prompt, generation, filter, subtasks);
        }
    }
}
