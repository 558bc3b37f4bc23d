package org.evalledger.interop.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * A HELM run directory → one record (SCHEMA.md "Mapping from the anchors").
 *
 * <p>Values are the {@code mean} of {@code stats.json}'s test-split entries without perturbation
 * for the metrics the run spec names. The stderr comes only from {@code per_instance_stats.json}:
 * the sample standard deviation of the per-instance values over √n, with n the number of
 * instances — {@code stats.json}'s variance is a population figure over what may be a single
 * aggregate (its {@code count} is often 1), never a stderr, so it is not used. The record id hashes
 * {@code run_spec.json} and {@code stats.json} together. The prompt template is composed from the
 * adapter's instructions and prefixes with {@code {input}} where the instance goes.
 * Stateless and thread-safe.
 */
public final class HelmImporter {
    /** The extensions key of everything this importer keeps without a field. */
    public static final String EXTENSION = "org.evalledger.import.helm";

    private HelmImporter() {}

    /**
     * Imports one run.
     *
     * @param runSpecBytes run_spec.json
     * @param runSpec its parsed content
     * @param statsBytes stats.json
     * @param stats its parsed content
     * @param perInstance per_instance_stats.json parsed, or null when absent (then no stderr)
     */
    public static ImportResult read(byte[] runSpecBytes, JsonValue runSpec, byte[] statsBytes, JsonValue stats,
            JsonValue perInstance, ImportOptions options) {
        List<ImportWarning> warnings = new ArrayList<>();
        Rest root = new Rest(runSpec);
        String name = Json.str(root.take("name")).orElseThrow(() -> new ImportException(ImportException.MISSING,
                "run_spec.json has no name"));
        Rest scenario = root.child("scenario_spec");
        Rest args = scenario.child("args");
        Optional<String> subject = Json.str(args.take("subject"));
        String scenarioName = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        String benchmark = BenchmarkIds.normalise(subject.map(s -> scenarioName + "_" + s).orElse(scenarioName));
        Rest adapter = root.child("adapter_spec");
        String modelId = options.modelId().or(() -> Json.str(adapter.take("model"))).orElseThrow(() ->
                new ImportException(ImportException.MISSING, "adapter_spec.model is missing; pass the model with --model"));
        Task.Builder task = Task.builder(benchmark).name(name);
        Json.integer(adapter.take("max_train_instances")).filter(n -> n >= 0 && n <= Integer.MAX_VALUE)
                .ifPresent(n -> task.fewShot(n.intValue()));
        List<String> stop = new ArrayList<>();
        Json.arr(adapter.peek("stop_sequences")).forEach(s -> Json.str(s).ifPresent(stop::add));
        adapter.take("stop_sequences");
        task.generation(new Task.Generation(Json.num(adapter.take("temperature")).filter(t -> t >= 0).orElse(null), null, null,
                Json.integer(adapter.take("max_tokens")).filter(t -> t >= 1 && t <= Integer.MAX_VALUE).map(Long::intValue).orElse(null),
                stop, null, null));
        String template = Json.str(adapter.take("instructions")).orElse("") + Json.str(adapter.take("input_prefix")).orElse("")
                + "{input}" + Json.str(adapter.peek("input_suffix")).orElse("") + Json.str(adapter.take("output_prefix")).orElse("");
        task.prompt(new Task.Prompt(template, Common.sha256Hex(template.getBytes(StandardCharsets.UTF_8)), null, null));
        Map<String, Long> seeds = new LinkedHashMap<>();
        Json.integer(adapter.take("random")).ifPresent(r -> seeds.put("random", r));

        // the metrics the run spec asks for
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonValue spec : Json.arr(root.peek("metric_specs"))) {
            Json.arr(Json.obj(Json.obj(spec).get("args")).get("names")).forEach(n -> Json.str(n).ifPresent(wanted::add));
        }
        if (wanted.isEmpty()) {
            wanted.addAll(List.of("exact_match", "quasi_exact_match"));
        }
        Map<String, List<Double>> instances = new LinkedHashMap<>();
        for (JsonValue instance : Json.arr(perInstance)) {
            for (JsonValue s : Json.arr(Json.obj(instance).get("stats"))) {
                Map<String, JsonValue> n = Json.obj(Json.obj(s).get("name"));
                String metric = Json.str(n.get("name")).orElse("");
                if (wanted.contains(metric) && "test".equals(Json.str(n.get("split")).orElse("")) && !n.containsKey("perturbation")) {
                    Json.num(Json.obj(s).get("mean")).ifPresent(v -> instances.computeIfAbsent(metric, k -> new ArrayList<>()).add(v));
                }
            }
        }
        List<Metric> metrics = new ArrayList<>();
        for (JsonValue s : Json.arr(stats)) {
            Map<String, JsonValue> n = Json.obj(Json.obj(s).get("name"));
            String metric = Json.str(n.get("name")).orElse("");
            if (!wanted.contains(metric) || !"test".equals(Json.str(n.get("split")).orElse("")) || n.containsKey("perturbation")) {
                continue;
            }
            Optional<Double> mean = Json.num(Json.obj(s).get("mean"));
            if (mean.isEmpty()) {
                continue;
            }
            Metric.Builder b = Metric.builder(metric, mean.get(), Common.higherIsBetter(metric)).unit(Common.unitOf(mean.get()));
            List<Double> values = instances.getOrDefault(metric, List.of());
            if (values.size() >= 2) {
                b.stderr(new Metric.Stderr(sampleSd(values) / Math.sqrt(values.size()), StderrMethod.ANALYTIC)).n((long) values.size());
            } else {
                Json.integer(Json.obj(s).get("count")).filter(c -> c >= 1).ifPresent(b::n);
            }
            metrics.add(b.build());
        }
        if (metrics.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "stats.json has no test-split value for " + wanted);
        }
        instances.values().stream().mapToInt(List::size).max().ifPresent(n -> {
            if (n >= 1) {
                task.samples(new Task.Samples(null, n));
            }
        });
        Map<String, JsonValue> extension = new LinkedHashMap<>(root.leftovers("", warnings, EXTENSION));
        byte[] both = new byte[runSpecBytes.length + statsBytes.length];
        System.arraycopy(runSpecBytes, 0, both, 0, runSpecBytes.length);
        System.arraycopy(statsBytes, 0, both, runSpecBytes.length, statsBytes.length);
        EvaluationRecord record = EvaluationRecord.builder()
                .recordId(Common.recordIdFromBytes(both, 1, 1))
                .createdAt(Timestamp.of(options.clock().instant()))
                .model(Model.builder(modelId).revision(options.revision().orElse(null)).build())
                .producer(Common.producer(options, SourceType.EVALUATION_RUN))
                .harness(new Harness("helm", null, null, Map.of()))
                .seeds(seeds)
                .results(List.of(Result.of(task.build(), metrics)))
                .extensions(extension.isEmpty() ? Map.of() : Map.of(EXTENSION, new JsonValue.JsonObject(extension)))
                .build();
        return new ImportResult(Format.HELM, List.of(record), warnings);
    }

    private static double sampleSd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.size() - 1));
    }
}
