package org.evalledger.interop.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalledger.core.Artifact;
import org.evalledger.core.BatchSize;
import org.evalledger.core.BenchmarkIds;
import org.evalledger.core.Environment;
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
 * lm-evaluation-harness {@code results_*.json} (0.4.x) → one record per file, one result per
 * (task, filter), leaf tasks and groups alike (SCHEMA.md "Mapping from the anchors").
 * Stateless and thread-safe.
 */
public final class LmEvalImporter {
    /** The extensions key of everything this importer keeps without a field. */
    public static final String EXTENSION = "org.evalledger.import.lm-eval";

    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern GPU = Pattern.compile("(?m)^GPU (\\d+): (.+)$");
    /** Top-level members that the mapping reads; everything else goes to extensions. */
    private static final Set<String> MAPPED_TOP = Set.of("results", "groups", "group_subtasks", "configs", "versions", "n-shot",
            "higher_is_better", "n-samples", "config", "git_hash", "date", "pretty_env_info", "transformers_version",
            "lm_eval_version", "model_name", "system_instruction_sha", "chat_template_sha", "task_hashes");
    private static final Set<String> MAPPED_CONFIG = Set.of("model_args", "model_num_parameters", "model_dtype", "model_sha",
            "batch_size", "random_seed", "numpy_seed", "torch_seed", "fewshot_seed", "model_revision");
    private static final Set<String> MAPPED_TASK_CONFIG = Set.of("task", "dataset_path", "dataset_name", "test_split",
            "doc_to_text", "generation_kwargs", "metric_list", "num_fewshot");
    private static final Set<String> MAPPED_GENERATION = Set.of("until", "max_gen_toks", "do_sample", "temperature", "top_p", "top_k");

    private LmEvalImporter() {}

    /** Whether a parsed document looks like an lm-eval results file. */
    public static boolean looksLike(Map<String, JsonValue> root) {
        return root.containsKey("results") && (root.containsKey("lm_eval_version") || root.containsKey("n-shot")
                || root.containsKey("versions") && root.containsKey("config"));
    }

    /**
     * Imports one results file.
     *
     * @param source the file's bytes (for the record id)
     * @param root the parsed document
     * @param samples {@code samples_<task>_*.jsonl} files beside it: file name → bytes
     * @param options the caller's defaults
     */
    public static ImportResult read(byte[] source, Map<String, JsonValue> root, Map<String, byte[]> samples, ImportOptions options) {
        List<ImportWarning> warnings = new ArrayList<>();
        Map<String, JsonValue> extension = new LinkedHashMap<>();
        Map<String, JsonValue> config = Json.obj(root.get("config"));
        Map<String, JsonValue> results = Json.obj(root.get("results"));
        if (results.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "the lm-eval file has no \"results\"");
        }

        // ---- model
        String modelId = options.modelId().or(() -> Json.str(root.get("model_name")))
                .or(() -> pretrained(Json.str(config.get("model_args")).orElse("")))
                .orElseThrow(() -> new ImportException(ImportException.MISSING,
                        "the lm-eval file names no model (model_name, or pretrained= in config.model_args); pass one with --model"));
        String revision = options.revision().orElse(null);
        Optional<String> sha = Json.str(config.get("model_sha"));
        if (revision == null && sha.isPresent() && HEX40.matcher(sha.get()).matches()) {
            revision = sha.get();
        } else if (sha.isPresent()) {
            keep(extension, warnings, "config.model_sha", config.get("model_sha"), "not a 40-hex commit");
        }
        Json.str(config.get("model_revision")).ifPresent(r -> keep(extension, warnings, "config.model_revision",
                config.get("model_revision"), "a branch name, not a commit"));
        Model model = Model.builder(modelId).revision(revision)
                .parameters(Json.integer(config.get("model_num_parameters")).filter(p -> p >= 0).orElse(null))
                .dtype(Json.str(config.get("model_dtype")).map(d -> d.startsWith("torch.") ? d.substring(6) : d).orElse(null))
                .build();

        // ---- harness, environment, seeds
        Map<String, String> packages = new TreeMap<>();
        Json.str(root.get("transformers_version")).ifPresent(v -> packages.put("transformers", v));
        Harness harness = new Harness("lm-evaluation-harness", Json.str(root.get("lm_eval_version")).orElse(null),
                Json.str(root.get("git_hash")).orElse(null), packages);
        Environment environment = environment(Json.str(root.get("pretty_env_info")).orElse(""), config.get("batch_size"));
        Map<String, Long> seeds = new LinkedHashMap<>();
        seed(seeds, "random", config.get("random_seed"));
        seed(seeds, "numpy", config.get("numpy_seed"));
        seed(seeds, "torch", config.get("torch_seed"));
        seed(seeds, "fewshot", config.get("fewshot_seed"));

        // ---- results
        Map<String, JsonValue> configs = Json.obj(root.get("configs"));
        Map<String, JsonValue> groupSubtasks = Json.obj(root.get("group_subtasks"));
        Map<String, JsonValue> groups = Json.obj(root.get("groups"));
        Set<String> taskNames = new LinkedHashSet<>(results.keySet());
        taskNames.addAll(groups.keySet());
        String chatSha = Json.str(root.get("chat_template_sha")).filter(s -> HEX64.matcher(s).matches()).orElse(null);
        String systemSha = Json.str(root.get("system_instruction_sha")).filter(s -> HEX64.matcher(s).matches()).orElse(null);
        List<Result> out = new ArrayList<>();
        Map<String, JsonValue> taskExtras = new LinkedHashMap<>();
        for (String t : taskNames) {
            Map<String, JsonValue> metrics = new LinkedHashMap<>(Json.obj(results.get(t)));
            metrics.putAll(Json.obj(groups.get(t)));
            Map<String, JsonValue> cfg = Json.obj(configs.get(t));
            out.addAll(results(t, metrics, cfg, root, groupSubtasks, chatSha, systemSha, samples, warnings));
            Map<String, JsonValue> extra = new LinkedHashMap<>();
            cfg.forEach((k, v) -> {
                if (!MAPPED_TASK_CONFIG.contains(k)) {
                    extra.put(k, v);
                }
            });
            Map<String, JsonValue> gen = Json.obj(cfg.get("generation_kwargs"));
            gen.forEach((k, v) -> {
                if (!MAPPED_GENERATION.contains(k)) {
                    extra.put("generation_kwargs." + k, v);
                }
            });
            JsonValue hash = Json.obj(root.get("task_hashes")).get(t);
            if (hash != null) {
                extra.put("task_hash", hash);
            }
            if (!extra.isEmpty()) {
                taskExtras.put(t, new JsonValue.JsonObject(extra));
                warnings.add(new ImportWarning("configs." + t, "kept under extensions." + EXTENSION + ".tasks." + t + ": "
                        + String.join(", ", extra.keySet())));
            }
        }
        if (out.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "no task in \"results\" has a numeric metric");
        }
        if (!taskExtras.isEmpty()) {
            extension.put("tasks", new JsonValue.JsonObject(taskExtras));
        }

        // ---- everything else at the top level and in config
        Map<String, JsonValue> otherConfig = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (!MAPPED_CONFIG.contains(k)) {
                otherConfig.put(k, v);
            }
        });
        if (!otherConfig.isEmpty()) {
            extension.put("config", new JsonValue.JsonObject(otherConfig));
            warnings.add(new ImportWarning("config", "kept under extensions." + EXTENSION + ".config: "
                    + String.join(", ", otherConfig.keySet())));
        }
        root.forEach((k, v) -> {
            if (!MAPPED_TOP.contains(k)) {
                keep(extension, warnings, k, v, "no field of its own");
            }
        });

        Timestamp when = Json.num(root.get("date")).map(Common::unixSeconds)
                .orElseGet(() -> Timestamp.of(options.clock().instant()));
        EvaluationRecord record = EvaluationRecord.builder()
                .recordId(Common.recordIdFromBytes(source, 1, 1))
                .createdAt(when)
                .evaluatedAt(Json.num(root.get("date")).isPresent() ? when : null)
                .model(model)
                .producer(Common.producer(options, SourceType.EVALUATION_RUN))
                .harness(harness)
                .environment(environment)
                .seeds(seeds)
                .results(out)
                .extensions(extension.isEmpty() ? Map.of() : Map.of(EXTENSION, new JsonValue.JsonObject(extension)))
                .build();
        return new ImportResult(Format.LM_EVAL, List.of(record), warnings);
    }

    private static void keep(Map<String, JsonValue> extension, List<ImportWarning> warnings, String path, @Nullable JsonValue v,
            String why) {
        if (v == null) {
            return;
        }
        extension.put(path, v);
        warnings.add(new ImportWarning(path, why + "; kept under extensions." + EXTENSION + "." + path));
    }

    private static Optional<String> pretrained(String modelArgs) {
        for (String part : modelArgs.split(",")) {
            if (part.startsWith("pretrained=") && part.length() > "pretrained=".length()) {
                return Optional.of(part.substring("pretrained=".length()));
            }
        }
        return Optional.empty();
    }

    private static void seed(Map<String, Long> seeds, String name, @Nullable JsonValue v) {
        Json.integer(v).ifPresent(s -> seeds.put(name, s));
    }

    private static @Nullable Environment environment(String envInfo, @Nullable JsonValue batch) {
        Map<String, Integer> gpus = new LinkedHashMap<>();
        Matcher m = GPU.matcher(envInfo);
        while (m.find()) {
            gpus.merge(m.group(2).strip(), 1, Integer::sum);
        }
        Environment.Accelerator accelerator = null;
        if (!gpus.isEmpty()) {
            Map.Entry<String, Integer> most = gpus.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            int total = gpus.values().stream().mapToInt(Integer::intValue).sum();
            accelerator = new Environment.Accelerator(most.getKey(), total, null);
        }
        BatchSize batchSize = null;
        Optional<String> text = Json.str(batch);
        if (text.isPresent() && text.get().startsWith("auto")) {
            batchSize = BatchSize.auto();
        } else {
            Optional<Long> n = Json.integer(batch);
            if (n.isPresent() && n.get() >= 1 && n.get() <= Integer.MAX_VALUE) {
                batchSize = BatchSize.of(n.get().intValue());
            }
        }
        return accelerator == null && batchSize == null ? null : new Environment(accelerator, null, null, null, batchSize);
    }

    private static List<Result> results(String t, Map<String, JsonValue> metrics, Map<String, JsonValue> cfg,
            Map<String, JsonValue> root, Map<String, JsonValue> groupSubtasks, @Nullable String chatSha,
            @Nullable String systemSha, Map<String, byte[]> samples, List<ImportWarning> warnings) {
        // "<metric>,<filter>" split at the first comma; "<metric>_stderr,<filter>" is the stderr of <metric>
        Map<String, Map<String, Double>> byFilter = new LinkedHashMap<>();
        Map<String, Map<String, Double>> stderrs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : metrics.entrySet()) {
            String key = e.getKey();
            int comma = key.indexOf(',');
            if (comma < 0) {
                continue; // alias, sample_len and other plain members
            }
            String metric = key.substring(0, comma);
            String filter = key.substring(comma + 1);
            Optional<Double> value = Json.num(e.getValue());
            if (metric.endsWith("_stderr")) {
                value.ifPresent(v -> stderrs.computeIfAbsent(filter, f -> new LinkedHashMap<>())
                        .put(metric.substring(0, metric.length() - "_stderr".length()), v));
            } else if (value.isPresent()) {
                byFilter.computeIfAbsent(filter, f -> new LinkedHashMap<>()).put(metric, value.get());
            } else {
                warnings.add(new ImportWarning("results." + t + "." + key, "not a number (" + e.getValue() + "); left out"));
            }
        }
        Map<String, String> aggregation = new LinkedHashMap<>();
        for (JsonValue m : Json.arr(cfg.get("metric_list"))) {
            Json.str(Json.obj(m).get("metric")).ifPresent(id ->
                    aggregation.put(id, Json.str(Json.obj(m).get("aggregation")).orElse("mean")));
        }
        Map<String, JsonValue> hib = Json.obj(Json.obj(root.get("higher_is_better")).get(t));
        Task.Builder task = Task.builder(BenchmarkIds.normalise(t))
                .name(Json.str(metrics.get("alias")).map(String::strip).orElse(null))
                .version(Json.text(Json.obj(root.get("versions")).get(t)).orElse(null))
                .fewShot(Json.integer(Json.obj(root.get("n-shot")).get(t)).filter(n -> n >= 0).map(Long::intValue).orElse(null));
        Json.str(cfg.get("dataset_path")).ifPresent(id -> task.dataset(new Task.Dataset(id,
                Json.str(cfg.get("dataset_name")).orElse(null), Json.str(cfg.get("test_split")).orElse(null), null)));
        Map<String, JsonValue> n = Json.obj(Json.obj(root.get("n-samples")).get(t));
        Optional<Long> effective = Json.integer(n.get("effective")).filter(x -> x >= 1);
        effective.ifPresent(ev -> task.samples(new Task.Samples(Json.integer(n.get("original")).filter(x -> x >= ev).orElse(null), ev)));
        String template = Json.str(cfg.get("doc_to_text")).orElse(null);
        if (template != null || chatSha != null || systemSha != null) {
            task.prompt(new Task.Prompt(template, template == null ? null : Common.sha256Hex(template.getBytes(StandardCharsets.UTF_8)),
                    systemSha, chatSha));
        }
        task.generation(generation(Json.obj(cfg.get("generation_kwargs"))));
        List<String> subtasks = new ArrayList<>();
        for (JsonValue s : Json.arr(groupSubtasks.get(t))) {
            Json.str(s).map(BenchmarkIds::normalise).ifPresent(subtasks::add);
        }
        task.subtasks(subtasks);
        List<Artifact> artifacts = new ArrayList<>();
        for (Map.Entry<String, byte[]> s : samples.entrySet()) {
            if (s.getKey().startsWith("samples_" + t + "_") && s.getKey().endsWith(".jsonl")) {
                artifacts.add(new Artifact(org.evalledger.core.ArtifactKind.SAMPLES, s.getKey(), Common.sha256Hex(s.getValue()),
                        rows(s.getValue())));
            }
        }
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> f : byFilter.entrySet()) {
            String filter = f.getKey().equals("none") ? null : f.getKey();
            List<Metric> ms = new ArrayList<>();
            for (Map.Entry<String, Double> m : f.getValue().entrySet()) {
                String id = m.getKey();
                double value = m.getValue();
                Metric.Builder b = Metric.builder(id, value,
                        Json.bool(hib.get(id)).orElseGet(() -> Common.higherIsBetter(id))).unit(Common.unitOf(value))
                        .n(effective.orElse(null));
                Double se = stderrs.getOrDefault(f.getKey(), Map.of()).get(id);
                if (se != null && se >= 0) {
                    // the harness computes an analytic stderr for mean-aggregated metrics and bootstraps the rest
                    b.stderr(new Metric.Stderr(se, "mean".equals(aggregation.getOrDefault(id, "mean"))
                            ? StderrMethod.ANALYTIC : StderrMethod.BOOTSTRAP));
                }
                ms.add(b.build());
            }
            out.add(new Result(task.filter(filter).build(), ms, artifacts));
        }
        return out;
    }

    private static Task.@Nullable Generation generation(Map<String, JsonValue> g) {
        if (g.isEmpty()) {
            return null;
        }
        List<String> stop = new ArrayList<>();
        JsonValue until = g.get("until");
        if (until instanceof JsonValue.JsonString s) {
            stop.add(s.value());
        }
        for (JsonValue u : Json.arr(until)) {
            if (u instanceof JsonValue.JsonString s) {
                stop.add(s.value());
            }
        }
        return new Task.Generation(Json.num(g.get("temperature")).filter(x -> x >= 0).orElse(null),
                Json.num(g.get("top_p")).filter(x -> x >= 0).orElse(null),
                Json.integer(g.get("top_k")).filter(x -> x >= 0 && x <= Integer.MAX_VALUE).map(Long::intValue).orElse(null),
                Json.integer(g.get("max_gen_toks")).filter(x -> x >= 1 && x <= Integer.MAX_VALUE).map(Long::intValue).orElse(null),
                stop, Json.bool(g.get("do_sample")).orElse(null), null);
    }

    private static long rows(byte[] jsonl) {
        long rows = 0;
        boolean content = false;
        for (byte b : jsonl) {
            if (b == '\n') {
                rows += content ? 1 : 0;
                content = false;
            } else if (b != '\r' && b != ' ') {
                content = true;
            }
        }
        return rows + (content ? 1 : 0);
    }
}
