package org.evalledger.interop.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.core.Artifact;
import org.evalledger.core.ArtifactKind;
import org.evalledger.core.BenchmarkIds;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Harness;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.StderrMethod;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.ImportWarning;
import org.jspecify.annotations.Nullable;

/**
 * Inspect AI EvalLog JSON (version 2) → one record (SCHEMA.md "Mapping from the anchors"). The
 * per-sample logs are not copied into the record: the log file itself becomes a {@code log}
 * artifact pinned by its SHA-256, with the sample count as rows. Stateless and thread-safe.
 */
public final class InspectImporter {
    /** The extensions key of everything this importer keeps without a field. */
    public static final String EXTENSION = "org.evalledger.import.inspect";

    private InspectImporter() {}

    /** Imports one log. */
    public static ImportResult read(byte[] source, String sourceName, JsonValue document, ImportOptions options) {
        List<ImportWarning> warnings = new ArrayList<>();
        Rest root = new Rest(document);
        root.take("version");
        Rest eval = root.child("eval");
        String recordId = Json.str(eval.take("eval_id")).map(Common::recordIdFromRunId)
                .orElseGet(() -> Common.recordIdFromBytes(source, 1, 1));
        Optional<Timestamp> created = Json.str(eval.take("created")).flatMap(InspectImporter::utc);
        String modelId = options.modelId().or(() -> Json.str(eval.take("model")))
                .orElseThrow(() -> new ImportException(ImportException.MISSING, "eval.model is missing; pass the model with --model"));
        String taskName = Json.str(eval.take("task")).orElseThrow(() -> new ImportException(ImportException.MISSING,
                "eval.task is missing"));
        Rest packages = eval.child("packages");
        Harness harness = Json.str(packages.take("inspect_ai")).map(v -> Harness.of("inspect_ai", v)).orElse(null);

        Rest dataset = eval.child("dataset");
        Optional<String> datasetName = Json.str(dataset.take("name"));
        Optional<Long> total = Json.integer(dataset.take("samples")).filter(n -> n >= 1);
        Rest results = root.child("results");
        Optional<Long> completed = Json.integer(results.take("completed_samples")).filter(n -> n >= 1);
        Task.Builder task = Task.builder(BenchmarkIds.normalise(taskName)).name(taskName)
                .version(Json.text(eval.take("task_version")).map(v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v)
                        .orElse(null));
        datasetName.ifPresent(n -> task.dataset(new Task.Dataset(n, null, null, null)));
        completed.ifPresent(c -> task.samples(new Task.Samples(total.filter(t -> t >= c).orElse(null), c)));

        // generation settings and the seed
        Rest gen = eval.child("model_generate_config");
        Map<String, Long> seeds = new LinkedHashMap<>();
        Json.integer(gen.take("seed")).ifPresent(s -> seeds.put("seed", s));
        Double temperature = Json.num(gen.take("temperature")).filter(x -> x >= 0).orElse(null);
        Double topP = Json.num(gen.take("top_p")).filter(x -> x >= 0).orElse(null);
        Integer topK = Json.integer(gen.take("top_k")).filter(x -> x >= 0 && x <= Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        Integer maxTokens = Json.integer(gen.take("max_tokens")).filter(x -> x >= 1 && x <= Integer.MAX_VALUE)
                .map(Long::intValue).orElse(null);
        List<String> stop = new ArrayList<>();
        JsonValue stops = gen.peek("stop_seqs");
        if (!Json.arr(stops).isEmpty() && Json.arr(stops).stream().allMatch(s -> s instanceof JsonValue.JsonString)) {
            gen.take("stop_seqs");
            Json.arr(stops).forEach(s -> stop.add(((JsonValue.JsonString) s).value()));
        }
        if (temperature != null || topP != null || topK != null || maxTokens != null || !stop.isEmpty()) {
            task.generation(new Task.Generation(temperature, topP, topK, maxTokens, stop, null, null));
        }

        // the prompt template of the first solver step that has one
        Rest plan = root.child("plan");
        List<JsonValue> steps = Json.arr(plan.peek("steps"));
        for (JsonValue step : steps) {
            Optional<String> template = Json.str(Json.obj(Json.obj(step).get("params")).get("template"));
            if (template.isPresent()) {
                task.prompt(new Task.Prompt(template.get(),
                        Common.sha256Hex(template.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, null));
                break;
            }
        }

        // scores: each scorer's metrics; its "stderr" metric is the stderr of its main metric
        List<JsonValue> scores = Json.arr(results.take("scores"));
        List<Metric> metrics = new ArrayList<>();
        for (JsonValue score : scores) {
            String scorer = Json.str(Json.obj(score).get("name")).orElse("score");
            Map<String, JsonValue> ms = Json.obj(Json.obj(score).get("metrics"));
            Optional<Double> stderr = Json.num(Json.obj(ms.get("stderr")).get("value")).filter(v -> v >= 0);
            boolean first = true;
            for (Map.Entry<String, JsonValue> m : ms.entrySet()) {
                if (m.getKey().equals("stderr")) {
                    continue;
                }
                Optional<Double> value = Json.num(Json.obj(m.getValue()).get("value"));
                if (value.isEmpty()) {
                    warnings.add(new ImportWarning("results.scores." + scorer + "." + m.getKey(), "no numeric value; left out"));
                    continue;
                }
                String id = scores.size() > 1 ? scorer + "." + m.getKey() : m.getKey();
                Metric.Builder b = Metric.builder(id, value.get(), Common.higherIsBetter(m.getKey())).unit(Common.unitOf(value.get()));
                if (first && stderr.isPresent()) {
                    b.stderr(new Metric.Stderr(stderr.get(), StderrMethod.ANALYTIC));
                }
                first = false;
                metrics.add(b.build());
            }
        }
        if (metrics.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "the Inspect log has no numeric score (results.scores[].metrics)");
        }
        List<JsonValue> samples = Json.arr(root.take("samples"));
        List<Artifact> artifacts = List.of(new Artifact(ArtifactKind.LOG, sourceName, Common.sha256Hex(source),
                (long) samples.size()));
        if (!samples.isEmpty()) {
            warnings.add(new ImportWarning("samples", samples.size() + " per-sample logs stay in the log file, pinned as an artifact"));
        }

        Map<String, JsonValue> extension = new LinkedHashMap<>(root.leftovers("", warnings, EXTENSION));
        extension.put("scores", new JsonValue.JsonArray(scores));
        Timestamp when = created.orElseGet(() -> Timestamp.of(options.clock().instant()));
        EvaluationRecord record = EvaluationRecord.builder()
                .recordId(recordId)
                .createdAt(when)
                .evaluatedAt(created.orElse(null))
                .model(Model.builder(modelId).revision(options.revision().orElse(null)).build())
                .producer(Common.producer(options, SourceType.EVALUATION_RUN))
                .harness(harness)
                .seeds(seeds)
                .results(List.of(new Result(task.build(), metrics, artifacts)))
                .extensions(Map.of(EXTENSION, new JsonValue.JsonObject(extension)))
                .build();
        return new ImportResult(Format.INSPECT, List.of(record), warnings);
    }

    /** An RFC 3339 time with any offset, in UTC. */
    static Optional<Timestamp> utc(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timestamp.of(OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
