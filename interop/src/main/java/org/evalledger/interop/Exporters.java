package org.evalledger.interop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evalledger.core.Artifact;
import org.evalledger.core.ArtifactKind;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Reasoning;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes records in the formats hubs already display: Every Eval Ever 0.3.0 JSON (valid against
 * its published schema), Hugging Face {@code model-index} front matter and {@code .eval_results}
 * YAML. What a format has no place for is listed in the {@link Export}'s warnings.
 * Stateless and thread-safe.
 */
public final class Exporters {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Exporters() {}

    /** Every Eval Ever 0.3.0 aggregate record: one {@code evaluation_results} entry per metric of every result. */
    public static Export toEee(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        List<ImportWarning> warnings = new ArrayList<>();
        ObjectNode o = F.objectNode();
        o.put("schema_version", "0.3.0");
        o.put("evaluation_id", record.recordId());
        if (record.evaluatedAt() != null) {
            o.put("evaluation_timestamp", unix(record.evaluatedAt()));
        }
        o.put("retrieved_timestamp", unix(record.createdAt()));
        ObjectNode meta = o.putObject("source_metadata");
        SourceType st = record.producer().sourceType();
        meta.put("source_type", st == SourceType.EVALUATION_RUN ? "evaluation_run" : "documentation");
        meta.put("source_organization_name", record.producer().name());
        if (record.producer().url() != null) {
            meta.put("source_organization_url", record.producer().url());
        }
        Relationship rel = record.producer().relationship();
        meta.put("evaluator_relationship", rel == Relationship.HUB ? "other" : rel.wireName());
        meta.putObject("additional_details").put("evalledger_source_type", st.wireName())
                .put("evalledger_relationship", rel.wireName());
        ObjectNode lib = o.putObject("eval_library");
        lib.put("name", record.harness() == null ? "unknown" : record.harness().name());
        lib.put("version", record.harness() == null || record.harness().version() == null ? "unknown" : record.harness().version());
        ObjectNode model = o.putObject("model_info");
        var m = record.model();
        model.put("name", m.displayName() == null ? m.id() : m.displayName());
        model.put("id", m.id());
        if (m.developer() != null) {
            model.put("developer", m.developer());
        }
        if (m.inference() != null && m.inference().platform() != null) {
            model.put("inference_platform", m.inference().platform());
        }
        if (m.inference() != null && m.inference().engine() != null) {
            ObjectNode e = model.putObject("inference_engine").put("name", m.inference().engine().name());
            if (m.inference().engine().version() != null) {
                e.put("version", m.inference().engine().version());
            }
        }
        ObjectNode details = model.putObject("additional_details");
        details.put("deployment_type", "unknown");
        details.put("model_availability", m.availability() == null ? "unknown" : m.availability().wireName());
        putOpt(details, "revision", m.revision());
        putOpt(details, "num_parameters", m.parameters() == null ? null : m.parameters().toString());
        putOpt(details, "dtype", m.dtype());
        putOpt(details, "architecture", m.architecture());
        putOpt(details, "base_model", m.baseModel());
        putOpt(details, "derivation", m.derivation() == null ? null : m.derivation().wireName());
        putOpt(details, "precision", record.environment() == null ? null : record.environment().precision());
        ArrayNode results = o.putArray("evaluation_results");
        Artifact samples = null;
        for (Result r : record.results()) {
            for (Metric metric : r.metrics()) {
                results.add(eeeResult(r.task(), metric, record));
            }
            for (Artifact a : r.artifacts()) {
                if (samples == null && a.kind() == ArtifactKind.SAMPLES) {
                    samples = a;
                } else if (a != samples) {
                    warnings.add(new ImportWarning("results." + r.task().benchmark() + ".artifacts", "EEE holds one detailed "
                            + "results file; " + a.uri() + " is not exported"));
                }
            }
        }
        if (samples != null) {
            ObjectNode d = o.putObject("detailed_evaluation_results");
            d.put("format", "jsonl");
            d.put("file_path", samples.uri());
            d.put("hash_algorithm", "sha256");
            d.put("checksum", samples.sha256());
            if (samples.rows() != null) {
                d.put("total_rows", samples.rows());
            }
        }
        if (!record.extensions().isEmpty()) {
            warnings.add(new ImportWarning("extensions", "EEE has no place for extensions; not exported"));
        }
        if (record.supersedes() != null) {
            warnings.add(new ImportWarning("supersedes", "EEE has no version links; not exported"));
        }
        return new Export(Format.EEE, JSON.writeValueAsBytes(o), warnings);
    }

    private static ObjectNode eeeResult(Task t, Metric metric, EvaluationRecord record) {
        ObjectNode e = F.objectNode();
        String id = t.benchmark() + (t.filter() == null ? "" : "/" + t.filter()) + "/" + metric.id();
        e.put("evaluation_result_id", id);
        e.put("evaluation_name", t.benchmark());
        ObjectNode source = e.putObject("source_data");
        if (t.dataset() != null) {
            source.put("dataset_name", t.dataset().id());
            source.put("source_type", "hf_dataset");
            source.put("hf_repo", t.dataset().id());
            putOpt(source, "hf_split", t.dataset().split());
            if (t.samples() != null && t.samples().evaluated() <= Integer.MAX_VALUE) {
                source.put("samples_number", t.samples().evaluated());
            }
        } else {
            source.put("dataset_name", t.benchmark());
            source.put("source_type", "other");
        }
        if (t.samples() != null) {
            ObjectNode sd0 = source.putObject("additional_details");
            sd0.put("samples_evaluated", Long.toString(t.samples().evaluated()));
            if (t.samples().total() != null) {
                sd0.put("samples_total", t.samples().total().toString());
            }
        }
        ObjectNode mc = e.putObject("metric_config");
        mc.put("metric_id", metric.id());
        mc.put("metric_name", metric.id());
        mc.put("metric_unit", metric.effectiveUnit().wireName());
        mc.put("lower_is_better", !metric.higherIsBetter());
        mc.put("score_type", "continuous");
        // EEE requires both bounds of a continuous score; null means "not provided"
        Double min = metric.range() != null ? metric.range().min() : null;
        Double max = metric.range() != null ? metric.range().max() : null;
        if (min != null) {
            mc.put("min_score", min);
        } else {
            mc.putNull("min_score");
        }
        if (max != null) {
            mc.put("max_score", max);
        } else {
            mc.putNull("max_score");
        }
        ObjectNode sd = e.putObject("score_details");
        sd.put("score", metric.value());
        if (metric.stderr() != null || metric.confidenceInterval() != null || metric.stddev() != null || metric.n() != null) {
            ObjectNode u = sd.putObject("uncertainty");
            if (metric.stderr() != null) {
                ObjectNode se = u.putObject("standard_error").put("value", metric.stderr().value());
                if (metric.stderr().method() != null) {
                    se.put("method", metric.stderr().method().wireName());
                }
            }
            Metric.ConfidenceInterval ci = metric.confidenceInterval();
            if (ci != null) {
                ObjectNode c = u.putObject("confidence_interval").put("lower", ci.lower()).put("upper", ci.upper())
                        .put("confidence_level", ci.level());
                putOpt(c, "method", ci.method());
            }
            if (metric.stddev() != null) {
                u.put("standard_deviation", metric.stddev());
            }
            if (metric.n() != null && metric.n() <= Integer.MAX_VALUE) {
                u.put("num_samples", metric.n());
            }
        }
        ObjectNode gc = F.objectNode();
        ObjectNode args = F.objectNode();
        Task.Generation g = t.generation();
        if (g != null) {
            if (g.temperature() != null) {
                args.put("temperature", g.temperature());
            }
            if (g.topP() != null) {
                args.put("top_p", g.topP());
            }
            if (g.topK() != null) {
                args.put("top_k", g.topK());
            }
            if (g.maxTokens() != null) {
                args.put("max_tokens", g.maxTokens());
            }
            if (g.reasoning() instanceof Reasoning.Flag flag) {
                args.put("reasoning", flag.enabled());
            }
        }
        if (t.prompt() != null && t.prompt().template() != null) {
            args.put("prompt_template", t.prompt().template());
        }
        ObjectNode more = F.objectNode();
        if (t.fewShot() != null) {
            more.put("num_fewshot", t.fewShot().toString());
        }
        putOpt(more, "filter", t.filter());
        putOpt(more, "task_name", t.name());
        record.seeds().forEach((k, v) -> more.put("seed_" + k, v.toString()));
        if (!args.isEmpty()) {
            gc.set("generation_args", args);
        }
        if (!more.isEmpty()) {
            gc.set("additional_details", more);
        }
        if (!gc.isEmpty()) {
            e.set("generation_config", gc);
        }
        return e;
    }

    /** Hugging Face model card front matter ({@code ---} ... {@code ---}) with a {@code model-index} of the records. */
    public static Export toModelIndex(List<EvaluationRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to export");
        }
        List<ImportWarning> warnings = new ArrayList<>();
        ObjectNode root = F.objectNode();
        ArrayNode index = root.putArray("model-index");
        for (EvaluationRecord record : records) {
            ObjectNode entry = index.addObject();
            entry.put("name", record.model().id());
            ArrayNode results = entry.putArray("results");
            for (Result r : record.results()) {
                Task t = r.task();
                ObjectNode res = results.addObject();
                // model-index requires a task type; records do not carry one (SCHEMA.md), so say what kind of run it was
                res.putObject("task").put("type", "text-generation");
                ObjectNode ds = res.putObject("dataset");
                ds.put("name", t.name() == null ? t.benchmark() : t.name());
                ds.put("type", t.dataset() == null ? t.benchmark() : t.dataset().id());
                if (t.dataset() != null) {
                    putOpt(ds, "config", t.dataset().config());
                    putOpt(ds, "split", t.dataset().split());
                    putOpt(ds, "revision", t.dataset().revision());
                }
                if (t.fewShot() != null) {
                    ds.putObject("args").put("num_few_shot", t.fewShot());
                }
                ArrayNode ms = res.putArray("metrics");
                for (Metric m : r.metrics()) {
                    ObjectNode mo = ms.addObject();
                    mo.put("type", m.id());
                    if (m.stderr() != null) {
                        mo.put("value", plain(m.value()) + " ± " + plain(m.stderr().value()));
                    } else {
                        mo.put("value", m.value());
                    }
                    mo.put("name", m.id() + (t.filter() == null ? "" : " (" + t.filter() + ")"));
                    mo.put("verified", false);
                }
                ObjectNode src = res.putObject("source").put("name", record.producer().name());
                if (record.references() != null && record.references().source() != null) {
                    src.put("url", record.references().source());
                }
            }
        }
        String yaml = YAML.writeValueAsString(root);
        String front = (yaml.startsWith("---") ? yaml : "---\n" + yaml) + "---\n";
        return new Export(Format.MODEL_INDEX, front.getBytes(StandardCharsets.UTF_8), warnings);
    }

    /** A Hugging Face {@code .eval_results/*.yaml} file: one entry per result, its first metric as the value. */
    public static Export toEvalResults(EvaluationRecord record) {
        List<ImportWarning> warnings = new ArrayList<>();
        ArrayNode entries = F.arrayNode();
        for (Result r : record.results()) {
            Task t = r.task();
            ObjectNode e = entries.addObject();
            ObjectNode ds = e.putObject("dataset");
            ds.put("id", t.dataset() == null ? t.benchmark() : t.dataset().id());
            ds.put("task_id", t.benchmark());
            if (t.dataset() != null) {
                putOpt(ds, "revision", t.dataset().revision());
            }
            e.put("value", r.metrics().get(0).value());
            Timestamp when = record.evaluatedAt() != null ? record.evaluatedAt() : record.createdAt();
            e.put("date", when.instant().toString().substring(0, 10));
            ObjectNode src = e.putObject("source").put("name", record.producer().name());
            if (record.references() != null && record.references().source() != null) {
                src.put("url", record.references().source());
            }
            if (r.metrics().size() > 1) {
                warnings.add(new ImportWarning("results." + t.benchmark(), ".eval_results holds one value per task; "
                        + (r.metrics().size() - 1) + " other metric(s) not exported"));
            }
        }
        return new Export(Format.EVAL_RESULTS, YAML.writeValueAsBytes(entries), warnings);
    }

    private static String unix(Timestamp t) {
        Instant i = t.instant();
        BigDecimal s = BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9));
        return s.stripTrailingZeros().toPlainString();
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void putOpt(ObjectNode o, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
