package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.core.BatchSize;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.StderrMethod;
import org.evalledger.core.Task;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real lm-evaluation-harness 0.4.9.2 results file of ../shared/corpus/formats. */
class LmEvalImporterTest {
    private static final String FILE = "corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json";
    private static final ImportOptions OPTIONS =
            ImportOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    private static EvaluationRecord imported() {
        ImportResult r = Importers.importFile(SharedData.path(FILE), OPTIONS);
        assertEquals(Format.LM_EVAL, r.format());
        assertEquals(1, r.records().size());
        return r.records().get(0);
    }

    private static Result result(EvaluationRecord r, String benchmark) {
        return r.results().stream().filter(x -> x.task().benchmark().equals(benchmark)).findFirst().orElseThrow();
    }

    @Test
    void mapsTheModelHarnessEnvironmentAndSeeds() {
        EvaluationRecord r = imported();
        assertEquals("RylanSchaeffer/mem_Qwen3-93M_minerva_math_rep_0_sbst_1.0000_epch_1_ot_1", r.model().id());
        assertEquals("82047f5e5d5245c1b3a4cd75ad98aa441d6487cd", r.model().revision());
        assertEquals(93_069_280L, r.model().parameters());
        assertEquals("bfloat16", r.model().dtype());
        assertEquals("lm-evaluation-harness", r.harness().name());
        assertEquals("0.4.9.2", r.harness().version());
        assertEquals("1f84a09f", r.harness().commit());
        assertEquals(Map.of("transformers", "4.57.6"), r.harness().packages());
        assertEquals("NVIDIA A100-SXM4-80GB", r.environment().accelerator().model());
        assertEquals(8, r.environment().accelerator().count());
        assertEquals(BatchSize.of(16), r.environment().batchSize());
        assertEquals(Map.of("random", 0L, "numpy", 1234L, "torch", 1234L, "fewshot", 1234L), r.seeds());
        assertEquals("unknown", r.producer().name());
        assertEquals(Relationship.THIRD_PARTY, r.producer().relationship());
        assertEquals(SourceType.EVALUATION_RUN, r.producer().sourceType());
    }

    @Test
    void takesTimestampsFromTheFilesDateNotTheClock() {
        EvaluationRecord r = imported();
        assertEquals("2026-01-21T02:59:43.859322Z", r.evaluatedAt().text()); // date 1768964383.8593218
        assertEquals(r.evaluatedAt(), r.createdAt());
    }

    @Test
    void mapsEachTaskWithMetricsStderrSamplesPromptAndGeneration() {
        EvaluationRecord r = imported();
        assertEquals(2, r.results().size());
        Result rephrased = result(r, "math_rephrased_full");
        Task t = rephrased.task();
        assertEquals("1.0", t.version());
        assertEquals(0, t.fewShot());
        assertEquals(new Task.Dataset("stellaathena/math_rephrased_full", null, "test", null), t.dataset());
        assertEquals(new Task.Samples(5000L, 5000), t.samples());
        assertNull(t.filter()); // "none"
        assertEquals("Problem: {{problem}}\n\nSolution:", t.prompt().template());
        assertEquals(List.of("Problem:", "\n\n"), t.generation().stop());
        assertEquals(512, t.generation().maxTokens());
        assertEquals(Boolean.FALSE, t.generation().doSample());
        assertEquals(0.0, t.generation().temperature());
        Metric em = rephrased.metric("exact_match").orElseThrow();
        assertEquals(0.0004, em.value());
        assertEquals(new Metric.Stderr(0.0002828144211304471, StderrMethod.ANALYTIC), em.stderr());
        assertEquals(5000L, em.n());
        Metric perturbed = result(r, "math_perturbed_full").metric("exact_match").orElseThrow();
        assertEquals(0.0, perturbed.value());
        assertEquals(new Metric.Stderr(0.0, StderrMethod.ANALYTIC), perturbed.stderr());
        assertEquals(5000L, perturbed.n());
        assertTrue(em.higherIsBetter());
        assertEquals(MetricUnit.PROPORTION, em.unit());
    }

    @Test
    void theRecordIsValidAndTheTemplateHashMatches() {
        ValidationReport report = RecordValidator.standard()
                .withClock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC)).validate(imported());
        assertTrue(report.valid(), report.toString());
        assertEquals(List.of(), report.issues());
    }

    @Test
    void importingTheSameBytesTwiceGivesIdenticalRecords() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.path(FILE));
        EvaluationRecord a = Importers.importBytes(bytes, Optional.empty(), OPTIONS).records().get(0);
        EvaluationRecord b = Importers.importBytes(bytes, Optional.of(Format.LM_EVAL),
                ImportOptions.defaults().withClock(Clock.systemUTC())).records().get(0);
        assertEquals(a, b);
        assertEquals(RecordCodec.standard().digest(a), RecordCodec.standard().digest(b));
        String hex = org.evalledger.interop.internal.Common.sha256Hex(bytes);
        assertEquals("sha256-" + hex.substring(0, 32), a.recordId());
    }

    @Test
    void keepsWhatHasNoFieldUnderExtensionsAndSaysSo() {
        ImportResult r = Importers.importFile(SharedData.path(FILE), OPTIONS);
        Map<String, JsonValue> ext = ((JsonValue.JsonObject) r.records().get(0).extensions()
                .get("org.evalledger.import.lm-eval")).members();
        assertEquals(new JsonValue.JsonString("main"), ext.get("config.model_revision"));
        assertTrue(ext.containsKey("tokenizer_eos_token"), ext.keySet().toString());
        assertTrue(ext.containsKey("total_evaluation_time_seconds"));
        Map<String, JsonValue> task = ((JsonValue.JsonObject) ((JsonValue.JsonObject) ext.get("tasks")).members()
                .get("math_rephrased_full")).members();
        assertTrue(task.containsKey("task_hash"));
        assertTrue(task.containsKey("doc_to_target"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("tokenizer_eos_token")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("configs.math_rephrased_full")));
    }

    @Test
    void samplesFilesBesideTheResultsBecomeArtifacts() throws Exception {
        Path results = dir.resolve("results_2026-01-21T03-44-18.458309.json");
        Files.copy(SharedData.path(FILE), results);
        byte[] samples = "{\"doc_id\":0}\n{\"doc_id\":1}\n{\"doc_id\":2}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl"), samples);
        EvaluationRecord r = Importers.importFile(results, OPTIONS).records().get(0);
        var artifacts = result(r, "math_perturbed_full").artifacts();
        assertEquals(1, artifacts.size());
        assertEquals(3L, artifacts.get(0).rows());
        assertEquals(org.evalledger.interop.internal.Common.sha256Hex(samples), artifacts.get(0).sha256());
        assertTrue(result(r, "math_rephrased_full").artifacts().isEmpty());
    }

    @Test
    void theCallersProducerAndModelOverrideTheDefaults() {
        EvaluationRecord r = Importers.importFile(SharedData.path(FILE), OPTIONS.withProducer("Lab").withRelationship(
                Relationship.FIRST_PARTY).withModel("org/renamed")).records().get(0);
        assertEquals("Lab", r.producer().name());
        assertEquals(Relationship.FIRST_PARTY, r.producer().relationship());
        assertEquals("org/renamed", r.model().id());
    }

    @Test
    void groupsBecomeResultsWithSubtasksAndFiltersSplitResults() {
        String doc = "{\"results\":{\"mmlu\":{\"acc,none\":0.5,\"acc_stderr,none\":0.01,\"alias\":\"mmlu\"},"
                + "\"mmlu_anatomy\":{\"acc,none\":0.4,\"acc_stderr,none\":\"N/A\",\"alias\":\" - anatomy\"},"
                + "\"gsm8k\":{\"exact_match,strict-match\":0.3,\"exact_match,flexible-extract\":0.35,"
                + "\"exact_match_stderr,strict-match\":0.012}},"
                + "\"group_subtasks\":{\"mmlu\":[\"mmlu_anatomy\"],\"mmlu_anatomy\":[],\"gsm8k\":[]},"
                + "\"configs\":{\"gsm8k\":{\"metric_list\":[{\"metric\":\"exact_match\",\"aggregation\":\"mean\"}]}},"
                + "\"versions\":{},\"n-shot\":{\"gsm8k\":5},\"config\":{\"model_args\":\"pretrained=org/model,dtype=auto\"},"
                + "\"lm_eval_version\":\"0.4.8\",\"date\":1700000000}";
        EvaluationRecord r = Importers.importBytes(doc.getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS)
                .records().get(0);
        assertEquals("org/model", r.model().id());
        assertEquals(List.of("mmlu_anatomy"), result(r, "mmlu").task().subtasks());
        assertEquals("- anatomy", result(r, "mmlu_anatomy").task().name());
        assertNull(result(r, "mmlu_anatomy").metrics().get(0).stderr()); // "N/A" means absent
        List<Result> gsm = r.results().stream().filter(x -> x.task().benchmark().equals("gsm8k")).toList();
        assertEquals(List.of("strict-match", "flexible-extract"), gsm.stream().map(x -> x.task().filter()).toList());
        assertEquals(0.012, gsm.get(0).metrics().get(0).stderr().value());
        assertNull(gsm.get(1).metrics().get(0).stderr());
        assertEquals("2023-11-14T22:13:20Z", r.createdAt().text());
    }

    @Test
    void badInputGetsAStableCode() {
        assertEquals(ImportException.UNKNOWN_FORMAT, assertThrows(ImportException.class,
                () -> Importers.importBytes("not json".getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS)).code());
        assertEquals(ImportException.NOT_JSON, assertThrows(ImportException.class,
                () -> Importers.importBytes("{\"results\":{},\"results\":1}".getBytes(StandardCharsets.UTF_8),
                        Optional.of(Format.LM_EVAL), OPTIONS)).code());
        assertEquals(ImportException.MISSING, assertThrows(ImportException.class,
                () -> Importers.importBytes("{\"results\":{\"t\":{\"acc,none\":1}},\"n-shot\":{}}".getBytes(StandardCharsets.UTF_8),
                        Optional.empty(), OPTIONS)).code());
        assertEquals(ImportException.IO, assertThrows(ImportException.class,
                () -> Importers.importFile(dir.resolve("missing.json"), OPTIONS)).code());
        assertFalse(Importers.detect(new byte[] {(byte) 0xff, 0}).isPresent());
    }
}
