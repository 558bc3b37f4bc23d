package org.evalledger.interop.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalledger.core.BenchmarkIds;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.Model;
import org.evalledger.core.References;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.ImportWarning;
import org.evalledger.schema.ParseLimits;

/**
 * Hugging Face model card {@code model-index} front matter and {@code .eval_results/*.yaml} →
 * records (SCHEMA.md "Mapping from the anchors"). {@code verified} and {@code verifyToken} are kept
 * under extensions and never treated as a signature. Stateless and thread-safe.
 */
public final class HuggingFaceImporter {
    /** The extensions key for model cards. */
    public static final String MODEL_INDEX_EXTENSION = "org.evalledger.import.model-index";
    /** The extensions key for .eval_results. */
    public static final String EVAL_RESULTS_EXTENSION = "org.evalledger.import.eval-results";
    private static final Pattern PLUS_MINUS = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)\\s*(?:±|\\+/-|\\+-)\\s*"
            + "([0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)\\s*");

    private HuggingFaceImporter() {}

    /** A model card's README.md bytes → one record per {@code model-index} entry. */
    public static ImportResult modelIndex(byte[] source, ParseLimits limits, ImportOptions options) {
        JsonValue front = Yaml.parse(Yaml.frontMatter(source), limits);
        List<JsonValue> models = Json.arr(Json.obj(front).get("model-index"));
        if (models.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "the model card's front matter has no model-index");
        }
        List<ImportWarning> warnings = new ArrayList<>();
        List<EvaluationRecord> records = new ArrayList<>();
        String idBase = Common.recordIdBase(source);
        for (int i = 0; i < models.size(); i++) {
            Rest entry = new Rest(models.get(i));
            String prefix = "model-index." + i;
            String modelId = options.modelId().or(() -> Json.str(entry.take("name"))).orElseThrow(() ->
                    new ImportException(ImportException.MISSING, prefix + " has no name; pass the model with --model"));
            List<Result> results = new ArrayList<>();
            Map<String, JsonValue> kept = new LinkedHashMap<>(); // what results and metrics hold without a field
            List<JsonValue> entries = Json.arr(entry.take("results"));
            for (int j = 0; j < entries.size(); j++) {
                Rest r = new Rest(entries.get(j));
                Rest dataset = r.child("dataset");
                String resultAt = prefix + ".results." + j;
                String type = Json.str(dataset.take("type")).orElseThrow(() -> new ImportException(ImportException.MISSING,
                        resultAt + ".dataset.type is missing"));
                Optional<String> config = Json.str(dataset.take("config"));
                String benchmark = config.map(c -> BenchmarkIds.normalise(type, c)).orElseGet(() -> BenchmarkIds.normalise(type));
                Task.Builder task = Task.builder(benchmark)
                        .name(Json.str(dataset.take("name")).filter(n -> !n.equals(benchmark)).orElse(null))
                        .dataset(new Task.Dataset(type, config.orElse(null), Json.str(dataset.take("split")).orElse(null),
                                Json.str(dataset.take("revision")).orElse(null)));
                Rest dsArgs = dataset.child("args");
                Json.integer(dsArgs.take("num_few_shot")).filter(n -> n >= 0 && n <= Integer.MAX_VALUE).ifPresent(n -> task.fewShot(n.intValue()));
                List<Metric> metrics = new ArrayList<>();
                List<JsonValue> ms = Json.arr(r.take("metrics"));
                for (int k = 0; k < ms.size(); k++) {
                    Rest m = new Rest(ms.get(k));
                    String at = prefix + ".results." + j + ".metrics." + k;
                    Optional<String> id = Json.str(m.take("type"));
                    Optional<double[]> value = value(m.take("value"));
                    if (id.isEmpty() || value.isEmpty()) {
                        warnings.add(new ImportWarning(at, "no type or no numeric value; left out"));
                        continue;
                    }
                    Metric.Builder b = Metric.builder(id.get(), value.get()[0], Common.higherIsBetter(id.get()))
                            .unit(Common.unitOf(value.get()[0]));
                    if (value.get().length > 1) {
                        b.stderr(new Metric.Stderr(value.get()[1], null));
                    }
                    metrics.add(b.build());
                    // name, verified, verifyToken, args: kept under extensions, never treated as a signature
                    kept.putAll(m.leftovers(at, warnings, MODEL_INDEX_EXTENSION));
                }
                kept.putAll(r.leftovers(resultAt, warnings, MODEL_INDEX_EXTENSION));
                if (!metrics.isEmpty()) {
                    results.add(Result.of(task.build(), metrics));
                }
            }
            if (results.isEmpty()) {
                throw new ImportException(ImportException.MISSING, prefix + " has no result with a numeric metric");
            }
            Map<String, JsonValue> extension = new LinkedHashMap<>(entry.leftovers(prefix, warnings, MODEL_INDEX_EXTENSION));
            extension.putAll(kept);
            records.add(EvaluationRecord.builder()
                    .recordId(Common.recordIdFromBase(idBase, i + 1, models.size()))
                    .createdAt(Timestamp.of(options.clock().instant()))
                    .model(Model.builder(modelId).revision(options.revision().orElse(null)).build())
                    .producer(Common.producer(options, SourceType.DOCUMENTATION))
                    .results(results)
                    .extensions(extension.isEmpty() ? Map.of() : Map.of(MODEL_INDEX_EXTENSION, new JsonValue.JsonObject(extension)))
                    .build());
        }
        return new ImportResult(Format.MODEL_INDEX, records, warnings);
    }

    /** A {@code .eval_results/*.yaml} file → one record; the model id must come from the caller. */
    public static ImportResult evalResults(byte[] source, ParseLimits limits, ImportOptions options) {
        String modelId = options.modelId().orElseThrow(() -> new ImportException(ImportException.MISSING,
                ".eval_results files do not name their model: pass the repository id (--model)"));
        JsonValue doc = Yaml.parse(new String(source, java.nio.charset.StandardCharsets.UTF_8), limits);
        List<JsonValue> entries = doc instanceof JsonValue.JsonArray a ? a.items() : Json.arr(Json.obj(doc).get("results"));
        if (entries.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "the .eval_results file has no entries");
        }
        List<ImportWarning> warnings = new ArrayList<>();
        Map<String, JsonValue> extension = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        Optional<Timestamp> latest = Optional.empty();
        String source0 = null;
        for (int i = 0; i < entries.size(); i++) {
            Rest e = new Rest(entries.get(i));
            String at = "entries." + i;
            Rest dataset = e.child("dataset");
            Optional<String> id = Json.str(dataset.take("id"));
            Optional<String> taskId = Json.str(dataset.take("task_id"));
            Optional<Double> value = Json.num(e.take("value"));
            if (id.isEmpty() || value.isEmpty()) {
                warnings.add(new ImportWarning(at, "no dataset.id or no numeric value; left out"));
                extension.put(at, entries.get(i));
                continue;
            }
            String benchmark = BenchmarkIds.normalise(taskId.filter(t -> !t.equals("default")).orElse(id.get()));
            Task task = Task.builder(benchmark).dataset(new Task.Dataset(id.get(), taskId.orElse(null), null,
                    Json.str(dataset.take("revision")).orElse(null))).build();
            results.add(Result.of(task, List.of(Metric.builder("score", value.get(), true).unit(Common.unitOf(value.get())).build())));
            Optional<Timestamp> date = Json.str(e.take("date")).flatMap(HuggingFaceImporter::date);
            if (date.isPresent() && (latest.isEmpty() || date.get().compareTo(latest.get()) > 0)) {
                latest = date;
            }
            JsonValue src = e.peek("source");
            Optional<String> url = Json.str(src).or(() -> Json.str(Json.obj(src).get("url")));
            if (url.isPresent() && source0 == null) {
                source0 = url.get();
            }
            extension.putAll(e.leftovers(at, warnings, EVAL_RESULTS_EXTENSION));
        }
        if (results.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "no .eval_results entry has a dataset id and a numeric value");
        }
        EvaluationRecord record = EvaluationRecord.builder()
                .recordId(Common.recordIdFromBytes(source, 1, 1))
                .createdAt(latest.orElseGet(() -> Timestamp.of(options.clock().instant())))
                .evaluatedAt(latest.orElse(null))
                .model(Model.builder(modelId).revision(options.revision().orElse(null)).build())
                .producer(Common.producer(options, SourceType.DOCUMENTATION))
                .references(source0 == null ? null : new References(null, null, source0))
                .results(results)
                .extensions(extension.isEmpty() ? Map.of() : Map.of(EVAL_RESULTS_EXTENSION, new JsonValue.JsonObject(extension)))
                .build();
        return new ImportResult(Format.EVAL_RESULTS, List.of(record), warnings);
    }

    /** A metric value: a number, or a string such as "20.0 ± 1.2" (value and stderr). */
    static Optional<double[]> value(JsonValue v) {
        Optional<Double> n = Json.num(v);
        if (n.isPresent()) {
            return Optional.of(new double[] {n.get()});
        }
        Optional<String> s = Json.str(v);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PLUS_MINUS.matcher(s.get());
        if (m.matches()) {
            return Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        try {
            double d = Double.parseDouble(s.get().strip());
            return Double.isFinite(d) ? Optional.of(new double[] {d}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Timestamp> date(String s) {
        try {
            return Optional.of(Timestamp.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Timestamp.of(OffsetDateTime.parse(s).toInstant()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
