package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.core.Availability;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Relationship;
import org.evalledger.core.SourceType;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.junit.jupiter.api.Test;

/** The real Every Eval Ever 0.2.0 and 0.3.0 records of ../shared/corpus/formats. */
class EeeImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withClock(CLOCK);

    private static ImportResult imported(String file) {
        ImportResult r = Importers.importFile(SharedData.path("corpus/formats/" + file), OPTIONS);
        assertEquals(Format.EEE, r.format());
        return r;
    }

    private static void assertValid(EvaluationRecord r) {
        ValidationReport report = RecordValidator.standard().withClock(CLOCK).validate(r);
        assertTrue(report.valid(), report.toString());
    }

    @Test
    void mapsTheV020OpenLlmLeaderboardRecord() {
        EvaluationRecord r = imported("eee_v0.2.0_hfopenllm_v2_LLaMA-Pro-8B-Instruct.json").records().get(0);
        assertEquals("hfopenllm_v2/TencentARC_LLaMA-Pro-8B-Instruct/1770682486.623709", r.recordId());
        assertEquals("TencentARC/LLaMA-Pro-8B-Instruct", r.model().id());
        assertEquals("LLaMA-Pro-8B-Instruct", r.model().displayName());
        assertEquals("TencentARC", r.model().developer());
        assertEquals("LlamaForCausalLM", r.model().architecture());
        assertEquals("bfloat16", r.environment().precision());
        assertEquals("Hugging Face", r.producer().name());
        assertEquals(Relationship.THIRD_PARTY, r.producer().relationship());
        assertEquals(SourceType.DOCUMENTATION, r.producer().sourceType());
        assertEquals("2026-02-10T00:14:46.623709Z", r.createdAt().text());
        assertNull(r.harness()); // 0.2.0 has no eval_library
        assertEquals(6, r.results().size());
        assertEquals(List.of("ifeval", "bbh", "math_lvl5", "gpqa", "musr", "mmlu_pro"),
                r.results().stream().map(x -> x.task().benchmark()).toList());
        Metric ifeval = r.results().get(0).metrics().get(0);
        assertEquals("score", ifeval.id());
        assertEquals(0.4486, ifeval.value());
        assertEquals(new Metric.Range(0.0, 1.0), ifeval.range());
        assertTrue(ifeval.higherIsBetter());
        assertEquals("google/IFEval", r.results().get(0).task().dataset().id());
        assertValid(r);
    }

    @Test
    void mapsTheV030ReferenceRecordWithItsSamplesArtifact() {
        ImportResult result = imported("eee_v0.3.0_reference_demo.json");
        EvaluationRecord r = result.records().get(0);
        assertEquals("demo-source/demo-org_demo-model/1750000000", r.recordId());
        assertEquals("2025-06-15T15:06:41Z", r.createdAt().text()); // retrieved_timestamp 1750000001
        assertEquals("2025-06-15T15:06:40Z", r.evaluatedAt().text());
        assertEquals(Availability.OPEN_WEIGHTS, r.model().availability());
        Metric m = r.results().get(0).metrics().get(0);
        assertEquals("accuracy", m.id());
        assertEquals(MetricUnit.PROPORTION, m.unit());
        var artifact = r.results().get(0).artifacts().get(0);
        assertEquals("6bbefcb149f63071c5d7abeb4c57f23f9a0e517dbc11f7ca4728c8b1c63e6cd8", artifact.sha256());
        assertEquals(1L, artifact.rows());
        assertNull(r.harness()); // eval_library name "unknown"
        Map<String, JsonValue> ext = ((JsonValue.JsonObject) r.extensions().get("org.evalledger.import.eee")).members();
        assertTrue(ext.containsKey("source_metadata.source_name"), ext.keySet().toString());
        assertTrue(ext.containsKey("model_info.additional_details.deployment_type"));
        assertTrue(ext.containsKey("evaluation_results.0.metric_config.metric_kind"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.path().equals("source_metadata.source_name")));
        assertValid(r);
    }

    @Test
    void mapsUncertaintyGenerationAndFewShot() {
        String doc = "{\"schema_version\":\"0.3.0\",\"evaluation_id\":\"run 7\",\"retrieved_timestamp\":\"1700000000\","
                + "\"source_metadata\":{\"source_type\":\"evaluation_run\",\"source_organization_name\":\"Lab\","
                + "\"evaluator_relationship\":\"first_party\"},\"eval_library\":{\"name\":\"inspect_ai\",\"version\":\"0.3.1\"},"
                + "\"model_info\":{\"name\":\"m\",\"id\":\"org/m\",\"additional_details\":{\"revision\":\"abc\",\"num_parameters\":7000}},"
                + "\"evaluation_results\":[{\"evaluation_name\":\"GSM8K\",\"source_data\":{\"dataset_name\":\"gsm8k\","
                + "\"source_type\":\"hf_dataset\",\"hf_repo\":\"openai/gsm8k\",\"hf_split\":\"test\",\"samples_number\":1319},"
                + "\"metric_config\":{\"metric_id\":\"exact_match\",\"lower_is_better\":false,\"metric_unit\":\"percent\"},"
                + "\"score_details\":{\"score\":57.1,\"uncertainty\":{\"standard_error\":{\"value\":1.36,\"method\":\"bootstrap\"},"
                + "\"confidence_interval\":{\"lower\":54.4,\"upper\":59.8,\"confidence_level\":0.95},\"standard_deviation\":49.5,"
                + "\"num_samples\":1319}},\"generation_config\":{\"generation_args\":{\"temperature\":0,\"max_tokens\":256,"
                + "\"prompt_template\":\"Q: {q}\"},\"additional_details\":{\"num_fewshot\":\"5\"}}}]}";
        EvaluationRecord r = Importers.importBytes(doc.getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS)
                .records().get(0);
        assertEquals("run_7", r.recordId());
        assertEquals("abc", r.model().revision());
        assertEquals(7000L, r.model().parameters());
        assertEquals("inspect_ai", r.harness().name());
        assertEquals(Relationship.FIRST_PARTY, r.producer().relationship());
        var t = r.results().get(0).task();
        assertEquals("gsm8k", t.benchmark());
        assertEquals(5, t.fewShot());
        assertEquals(1319L, t.samples().evaluated());
        assertEquals(256, t.generation().maxTokens());
        assertEquals("Q: {q}", t.prompt().template());
        Metric m = r.results().get(0).metrics().get(0);
        assertEquals(MetricUnit.PERCENT, m.unit());
        assertEquals(new Metric.Stderr(1.36, org.evalledger.core.StderrMethod.BOOTSTRAP), m.stderr());
        assertEquals(new Metric.ConfidenceInterval(54.4, 59.8, 0.95, null), m.confidenceInterval());
        assertEquals(49.5, m.stddev());
        assertEquals(1319L, m.n());
        assertValid(r);
    }

    @Test
    void aRecordWithoutResultsOrModelIsRefusedWithAStableCode() {
        assertEquals(ImportException.MISSING, assertThrows(ImportException.class, () -> Importers.importBytes(
                "{\"schema_version\":\"0.3.0\",\"evaluation_id\":\"x\",\"model_info\":{\"id\":\"a/b\"},\"evaluation_results\":[]}"
                        .getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS)).code());
        assertEquals(ImportException.MISSING, assertThrows(ImportException.class, () -> Importers.importBytes(
                "{\"schema_version\":\"0.3.0\",\"evaluation_id\":\"x\",\"evaluation_results\":[{\"evaluation_name\":\"a\"}]}"
                        .getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS)).code());
    }
}
