package org.evalledger.interop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.core.Artifact;
import org.evalledger.core.ArtifactKind;
import org.evalledger.core.Availability;
import org.evalledger.core.BenchmarkIds;
import org.evalledger.core.Environment;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Harness;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Reasoning;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.StderrMethod;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.core.WireEnum;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.ImportWarning;
import org.jspecify.annotations.Nullable;

/**
 * Every Eval Ever aggregate records, schema 0.2.x and 0.3.0 → one record (SCHEMA.md "Mapping from
 * the anchors"). Stateless and thread-safe.
 */
public final class EeeImporter {
    /** The extensions key of everything this importer keeps without a field. */
    public static final String EXTENSION = "org.evalledger.import.eee";

    private EeeImporter() {}

    /** Imports one aggregate record. */
    public static ImportResult read(byte[] source, JsonValue document, ImportOptions options) {
        List<ImportWarning> warnings = new ArrayList<>();
        Rest root = new Rest(document);
        root.take("schema_version");
        String recordId = Json.str(root.take("evaluation_id")).map(Common::recordIdFromRunId)
                .orElseGet(() -> Common.recordIdFromBytes(source, 1, 1));
        Optional<Timestamp> retrieved = unix(root.take("retrieved_timestamp"));
        Optional<Timestamp> evaluated = unix(root.take("evaluation_timestamp"));

        // ---- producer
        Rest meta = root.child("source_metadata");
        Rest metaDetails = meta.child("additional_details");
        // our own exports record the exact relationship and source type, which EEE's enums cannot all hold
        Optional<Relationship> ownRelationship = Json.str(metaDetails.take("evalledger_relationship"))
                .flatMap(r -> WireEnum.fromWire(Relationship.class, r));
        Optional<SourceType> ownSourceType = Json.str(metaDetails.take("evalledger_source_type"))
                .flatMap(t -> WireEnum.fromWire(SourceType.class, t));
        Producer producer = new Producer(
                options.producer().or(() -> Json.str(meta.take("source_organization_name"))).orElse("unknown"), null,
                Json.str(meta.take("source_organization_url")).orElse(null),
                options.relationship().or(() -> ownRelationship).or(() -> Json.str(meta.take("evaluator_relationship"))
                        .flatMap(r -> WireEnum.fromWire(Relationship.class, r))).orElse(Relationship.THIRD_PARTY),
                options.sourceType().or(() -> ownSourceType).or(() -> Json.str(meta.take("source_type"))
                        .flatMap(t -> WireEnum.fromWire(SourceType.class, t))).orElse(SourceType.DOCUMENTATION));

        // ---- model
        Rest mi = root.child("model_info");
        String modelId = options.modelId().or(() -> Json.str(mi.take("id")))
                .orElseThrow(() -> new ImportException(ImportException.MISSING, "model_info.id is missing; pass the model with --model"));
        Rest details = mi.child("additional_details");
        Rest engine = mi.child("inference_engine");
        String engineName = Json.str(engine.take("name")).orElse(null);
        String platform = Json.str(mi.take("inference_platform")).orElse(null);
        Optional<String> displayName = Json.str(mi.take("name")).filter(n -> !n.equals(modelId));
        Model model = Model.builder(modelId)
                .displayName(displayName.orElse(null))
                .baseModel(Json.str(details.take("base_model")).orElse(null))
                .derivation(Json.str(details.take("derivation")).flatMap(d -> WireEnum.fromWire(org.evalledger.core.Derivation.class, d))
                        .orElse(null))
                .developer(Json.str(mi.take("developer")).orElse(null))
                .revision(options.revision().or(() -> Json.str(details.take("revision"))).or(() -> Json.str(details.take("sha")))
                        .orElse(null))
                .parameters(Json.integer(details.take("num_parameters")).filter(p -> p >= 0).orElse(null))
                .dtype(Json.str(details.take("dtype")).orElse(null))
                .architecture(Json.str(details.take("architecture")).orElse(null))
                .availability(Json.str(details.take("model_availability")).flatMap(a -> WireEnum.fromWire(Availability.class, a))
                        .orElse(null))
                .inference(engineName == null && platform == null ? null : new Model.Inference(
                        engineName == null ? null : new Model.Engine(engineName, Json.str(engine.take("version")).orElse(null)),
                        platform))
                .build();
        String precision = Json.str(details.take("precision")).orElse(null);

        // ---- harness
        Rest lib = root.child("eval_library");
        Optional<String> libName = Json.str(lib.take("name")).filter(n -> !n.equals("unknown"));
        Optional<String> libVersion = Json.str(lib.take("version")).filter(n -> !n.equals("unknown"));
        Harness harness = libName.map(n -> new Harness(n, libVersion.orElse(null), null, Map.of())).orElse(null);

        // ---- detailed results file → an artifact of every result
        Rest detailed = root.child("detailed_evaluation_results");
        List<Artifact> artifacts = new ArrayList<>();
        Optional<String> file = Json.str(detailed.peek("file_path"));
        Optional<String> checksum = Json.str(detailed.peek("checksum")).filter(c -> c.matches("[0-9a-f]{64}"));
        boolean sha256 = Json.str(detailed.peek("hash_algorithm")).orElse("sha256").equals("sha256");
        if (file.isPresent() && checksum.isPresent() && sha256) {
            for (String mapped : List.of("file_path", "checksum", "hash_algorithm", "format")) {
                detailed.take(mapped);
            }
            artifacts.add(new Artifact(ArtifactKind.SAMPLES, file.get(), checksum.get(),
                    Json.integer(detailed.take("total_rows")).filter(r -> r >= 0).orElse(null)));
        } // otherwise (an md5 checksum, say) it all stays under extensions for a reviewer

        // ---- results
        List<Result> results = new ArrayList<>();
        Map<String, JsonValue> perResult = new LinkedHashMap<>();
        List<JsonValue> entries = Json.arr(root.take("evaluation_results"));
        if (entries.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "the EEE record has no evaluation_results");
        }
        Map<String, Long> seeds = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Rest e = new Rest(entries.get(i));
            results.add(result(e, artifacts, seeds));
            Map<String, JsonValue> left = e.leftovers("evaluation_results." + i, warnings, EXTENSION);
            if (!left.isEmpty()) {
                perResult.putAll(left);
            }
        }
        Map<String, JsonValue> extension = new LinkedHashMap<>(root.leftovers("", warnings, EXTENSION));
        extension.putAll(perResult);
        Timestamp created = retrieved.or(() -> evaluated).orElseGet(() -> Timestamp.of(options.clock().instant()));
        EvaluationRecord record = EvaluationRecord.builder()
                .recordId(recordId)
                .createdAt(created)
                .evaluatedAt(evaluated.orElse(null))
                .model(model)
                .producer(producer)
                .harness(harness)
                .environment(precision == null ? null : new Environment(null, null, null, precision, null))
                .seeds(seeds)
                .results(results)
                .extensions(extension.isEmpty() ? Map.of() : Map.of(EXTENSION, new JsonValue.JsonObject(extension)))
                .build();
        return new ImportResult(Format.EEE, List.of(record), warnings);
    }

    private static Result result(Rest e, List<Artifact> artifacts, Map<String, Long> seeds) {
        String name = Json.str(e.take("evaluation_name")).orElseThrow(() -> new ImportException(ImportException.MISSING,
                "an evaluation_results entry has no evaluation_name"));
        Rest data = e.child("source_data");
        Optional<String> repo = Json.str(data.take("hf_repo"));
        String benchmark = BenchmarkIds.normalise(name);
        Task.Builder task = Task.builder(benchmark).name(name.equals(benchmark) ? null : name);
        repo.ifPresent(r -> task.dataset(new Task.Dataset(r, null, Json.str(data.take("hf_split")).orElse(null), null)));
        Rest dataDetails = data.child("additional_details");
        Optional<Long> evaluated = Json.integer(dataDetails.take("samples_evaluated")).filter(n -> n >= 1)
                .or(() -> Json.integer(data.take("samples_number")).filter(n -> n >= 1));
        data.take("samples_number");
        Optional<Long> total = Json.integer(dataDetails.take("samples_total")).filter(n -> n >= 1);
        evaluated.ifPresent(n -> task.samples(new Task.Samples(total.filter(t -> t >= n).orElse(null), n)));
        Rest gen = e.child("generation_config");
        Rest args = gen.child("generation_args");
        Rest genDetails = gen.child("additional_details");
        Json.integer(genDetails.take("num_fewshot")).filter(n -> n >= 0 && n <= Integer.MAX_VALUE)
                .ifPresent(n -> task.fewShot(n.intValue()));
        Json.str(genDetails.take("filter")).ifPresent(task::filter);
        Json.str(genDetails.take("task_name")).ifPresent(task::name);
        for (String key : List.copyOf(Json.obj(genDetails.peekAll()).keySet())) {
            if (key.startsWith("seed_")) {
                Json.integer(genDetails.take(key)).ifPresent(v -> seeds.put(key.substring(5), v));
            }
        }
        Optional<String> template = Json.str(args.take("prompt_template"));
        template.ifPresent(t -> task.prompt(new Task.Prompt(t, Common.sha256Hex(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                null, null)));
        Double temperature = Json.num(args.take("temperature")).filter(x -> x >= 0).orElse(null);
        Double topP = Json.num(args.take("top_p")).filter(x -> x >= 0).orElse(null);
        Integer topK = Json.integer(args.take("top_k")).filter(x -> x >= 0 && x <= Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        Integer maxTokens = Json.integer(args.take("max_tokens")).filter(x -> x >= 1 && x <= Integer.MAX_VALUE)
                .map(Long::intValue).orElse(null);
        Optional<Boolean> reasoning = Json.bool(args.take("reasoning"));
        if (temperature != null || topP != null || topK != null || maxTokens != null || reasoning.isPresent()) {
            task.generation(new Task.Generation(temperature, topP, topK, maxTokens, List.of(), null,
                    reasoning.map(Reasoning.Flag::new).orElse(null)));
        }

        Rest mc = e.child("metric_config");
        String metricId = Json.str(mc.take("metric_id")).orElse("score");
        Rest sd = e.child("score_details");
        double value = Json.num(sd.take("score")).orElseThrow(() -> new ImportException(ImportException.MISSING,
                "evaluation_results \"" + name + "\" has no numeric score_details.score"));
        boolean higher = Json.bool(mc.take("lower_is_better")).map(l -> !l).orElseGet(() -> Common.higherIsBetter(metricId));
        Optional<MetricUnit> unit = Json.str(mc.take("metric_unit")).flatMap(u -> WireEnum.fromWire(MetricUnit.class, u));
        Double min = Json.num(mc.take("min_score")).orElse(null);
        Double max = Json.num(mc.take("max_score")).orElse(null);
        Metric.Builder m = Metric.builder(metricId, value, higher).unit(unit.orElseGet(() -> Common.unitOf(value)))
                .range(min == null && max == null ? null : new Metric.Range(min, max));
        Rest unc = sd.child("uncertainty");
        Rest se = unc.child("standard_error");
        Optional<String> seMethod = Json.str(se.take("method"));
        Json.num(se.take("value")).filter(v -> v >= 0).ifPresent(v -> m.stderr(new Metric.Stderr(v,
                seMethod.map(x -> WireEnum.fromWire(StderrMethod.class, x).orElse(StderrMethod.OTHER)).orElse(null))));
        Rest ci = unc.child("confidence_interval");
        Optional<Double> lo = Json.num(ci.take("lower"));
        Optional<Double> hi = Json.num(ci.take("upper"));
        Optional<Double> level = Json.num(ci.take("confidence_level")).filter(l -> l > 0 && l < 1);
        if (lo.isPresent() && hi.isPresent() && level.isPresent()) {
            m.confidenceInterval(new Metric.ConfidenceInterval(lo.get(), hi.get(), level.get(), Json.str(ci.take("method")).orElse(null)));
        }
        Json.num(unc.take("standard_deviation")).filter(v -> v >= 0).ifPresent(m::stddev);
        Json.integer(unc.take("num_samples")).filter(v -> v >= 1).ifPresent(m::n);
        return new Result(task.build(), List.of(m.build()), artifacts);
    }

    private static Optional<Timestamp> unix(@Nullable JsonValue v) {
        Optional<Double> seconds = Json.num(v).or(() -> Json.str(v).filter(s -> s.matches("\\d{1,12}(\\.\\d{1,9})?"))
                .map(Double::parseDouble));
        return seconds.map(Common::unixSeconds);
    }
}
