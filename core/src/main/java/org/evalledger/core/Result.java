package org.evalledger.core;

import java.util.List;
import java.util.Optional;

/**
 * One task result of a record ({@code results[]}): the task, its metrics and the files behind
 * them. Immutable and thread-safe.
 *
 * @param task what was evaluated and how
 * @param metrics 1 to 256 metrics (ids should be unique; validation reports duplicates)
 * @param artifacts files produced by the run; empty when absent
 */
public record Result(Task task, List<Metric> metrics, List<Artifact> artifacts) {
    /** Most metrics a result may hold. */
    public static final int MAX_METRICS = 256;

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Result {
        Checks.required(task, "result.task");
        metrics = Checks.listSized(metrics, 1, MAX_METRICS, "result.metrics");
        artifacts = Checks.list(artifacts, "result.artifacts");
    }

    /** A result without artifacts. */
    public static Result of(Task task, List<Metric> metrics) {
        return new Result(task, metrics, List.of());
    }

    /** The first metric with this id, if any. */
    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
