package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withClock(CLOCK);

    @TempDir
    Path dir;

    private static List<EvaluationRecord> samples() {
        List<EvaluationRecord> out = new ArrayList<>();
        for (String f : List.of("lm_eval_results_2026-01-21T03-44-18.458309.json", "eee_v0.3.0_reference_demo.json",
                "eee_v0.2.0_hfopenllm_v2_LLaMA-Pro-8B-Instruct.json", "inspect_eval_log_pubmedqa_gpt4o_mini.json",
                "helm_mmlu_philosophy_gpt2")) {
            out.addAll(Importers.importFile(SharedData.path("corpus/formats/" + f), OPTIONS).records());
        }
        return out;
    }

    private static Path root() {
        return SharedData.repositoryRoot();
    }

    /** Every Eval Ever's own published schema (draft-07), checked by ajv: an independent validator. */
    @Test
    void eeeExportsAreValidAgainstEveryEvalEversSchema() throws Exception {
        Path ajv = root().resolve("tools/ajv");
        boolean ready = Files.isDirectory(ajv.resolve("node_modules/ajv"));
        if (!ready && SharedData.underCi()) {
            throw new AssertionError("the EEE schema check needs tools/ajv/node_modules under CI (npm ci --prefix tools/ajv)");
        }
        Assumptions.assumeTrue(ready, "tools/ajv/node_modules missing: EEE schema check skipped");
        List<String> cmd = new ArrayList<>(List.of("node", ajv.resolve("check.js").toString(),
                SharedData.path("corpus/formats/every_eval_ever_schemas/eval.schema.json").toString()));
        int i = 0;
        for (EvaluationRecord r : samples()) {
            Path file = dir.resolve("eee-" + i++ + ".json");
            Files.write(file, Exporters.toEee(r).content());
            cmd.add(file.toString());
        }
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(!out.contains("\"valid\":false"), out);
        assertEquals(i, out.split("\"valid\":true", -1).length - 1, out);
    }

    @Test
    void eeeExportsImportBackToTheSameScores() {
        for (EvaluationRecord r : samples()) {
            EvaluationRecord back = Importers.importBytes(Exporters.toEee(r).content(), Optional.empty(), OPTIONS).records().get(0);
            assertEquals(r.model().id(), back.model().id());
            assertEquals(values(r), values(back));
            assertEquals(r.createdAt().instant(), back.createdAt().instant());
        }
    }

    @Test
    void modelIndexExportsImportBackToTheSameScoresAndStderrs() {
        EvaluationRecord r = Importers.importFile(SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json"),
                OPTIONS).records().get(0);
        Export e = Exporters.toModelIndex(List.of(r));
        String text = new String(e.content(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("---\n") && text.endsWith("---\n"), text);
        EvaluationRecord back = Importers.importBytes(e.content(), Optional.empty(), OPTIONS).records().get(0);
        assertEquals(r.model().id(), back.model().id());
        assertEquals(values(r), values(back));
        Metric m = back.results().get(1).metrics().get(0);
        assertEquals(r.results().get(1).metrics().get(0).stderr().value(), m.stderr().value());
    }

    @Test
    void evalResultsExportsImportBackWithTheCallersModel() {
        EvaluationRecord r = Importers.importFile(SharedData.path("corpus/formats/eee_v0.2.0_hfopenllm_v2_LLaMA-Pro-8B-Instruct.json"),
                OPTIONS).records().get(0);
        Export e = Exporters.toEvalResults(r);
        EvaluationRecord back = Importers.importBytes(e.content(), Optional.of(Format.EVAL_RESULTS),
                OPTIONS.withModel(r.model().id())).records().get(0);
        assertEquals(values(r), values(back));
        assertEquals(r.results().stream().map(x -> x.task().benchmark()).toList(),
                back.results().stream().map(x -> x.task().benchmark()).toList());
    }

    private static List<Double> values(EvaluationRecord r) {
        List<Double> v = new ArrayList<>();
        for (Result x : r.results()) {
            x.metrics().forEach(m -> v.add(m.value()));
        }
        return v;
    }
}
