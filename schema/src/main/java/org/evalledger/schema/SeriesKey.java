package org.evalledger.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.Result;
import org.evalledger.core.Task;
import org.evalledger.schema.internal.json.Jcs;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a result's history (SCHEMA.md "Identity"): every version of one series, whoever
 * produced it, is the same measurement of the same model. A filter of {@code "none"} is the same
 * as no filter. Immutable and thread-safe.
 *
 * @param modelId {@code model.id}
 * @param benchmark {@code task.benchmark}
 * @param datasetConfig {@code task.dataset.config}, or null
 * @param datasetSplit {@code task.dataset.split}, or null
 * @param fewShot {@code task.fewShot}, or null
 * @param filter {@code task.filter}, or null when absent or {@code "none"}
 * @param metricId {@code metric.id}
 */
public record SeriesKey(
        String modelId,
        String benchmark,
        @Nullable String datasetConfig,
        @Nullable String datasetSplit,
        @Nullable Integer fewShot,
        @Nullable String filter,
        String metricId) {

    /** Normalises the filter ({@code "none"} becomes null). */
    public SeriesKey {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(metricId, "metricId");
        if ("none".equals(filter)) {
            filter = null;
        }
    }

    /** The key of one metric of one result of a record. */
    public static SeriesKey of(EvaluationRecord record, Result result, Metric metric) {
        Task t = result.task();
        return new SeriesKey(record.model().id(), t.benchmark(),
                t.dataset() == null ? null : t.dataset().config(),
                t.dataset() == null ? null : t.dataset().split(),
                t.fewShot(), t.filter(), metric.id());
    }

    /** The keys of every metric of every result of a record, in record order. */
    public static List<SeriesKey> allOf(EvaluationRecord record) {
        List<SeriesKey> keys = new ArrayList<>();
        for (Result r : record.results()) {
            for (Metric m : r.metrics()) {
                keys.add(of(record, r, m));
            }
        }
        return keys;
    }

    /**
     * The written form: the RFC 8785 JSON of the array
     * {@code [modelId, benchmark, config, split, fewShot, filter, metricId]} with {@code null} for
     * absent parts, e.g. {@code ["org/m","gsm8k","main","test",5,"strict-match","exact_match"]}.
     */
    public String canonical() {
        List<JsonValue> a = new ArrayList<>(7);
        a.add(new JsonValue.JsonString(modelId));
        a.add(new JsonValue.JsonString(benchmark));
        a.add(stringOrNull(datasetConfig));
        a.add(stringOrNull(datasetSplit));
        a.add(fewShot == null ? JsonValue.JsonNull.INSTANCE : new JsonValue.JsonNumber(fewShot.intValue()));
        a.add(stringOrNull(filter));
        a.add(new JsonValue.JsonString(metricId));
        return new String(Jcs.canonicalize(new JsonValue.JsonArray(a)), StandardCharsets.UTF_8);
    }

    private static JsonValue stringOrNull(@Nullable String s) {
        return s == null ? JsonValue.JsonNull.INSTANCE : new JsonValue.JsonString(s);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
