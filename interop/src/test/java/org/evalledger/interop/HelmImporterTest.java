package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.schema.RecordValidator;
import org.junit.jupiter.api.Test;

/** The real HELM run directory of ../shared/corpus/formats. */
class HelmImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void mapsTheRunWithStderrFromPerInstanceStatsOnly() {
        ImportResult r = Importers.importFile(SharedData.path("corpus/formats/helm_mmlu_philosophy_gpt2"),
                ImportOptions.defaults().withClock(CLOCK));
        assertEquals(Format.HELM, r.format());
        EvaluationRecord rec = r.records().get(0);
        assertEquals("openai/gpt2", rec.model().id());
        var task = rec.results().get(0).task();
        assertEquals("mmlu_philosophy", task.benchmark());
        assertEquals(5, task.fewShot());
        assertEquals(List.of("\n"), task.generation().stop());
        assertEquals(1, task.generation().maxTokens());
        assertTrue(task.prompt().template().startsWith("The following are multiple choice questions (with answers) about philosophy.\n"
                + "Question: {input}"), task.prompt().template());
        Metric em = rec.results().get(0).metric("exact_match").orElseThrow();
        assertEquals(0.1111111111111111, em.value(), 1e-15);
        int n = em.n().intValue();
        assertEquals(n, task.samples().evaluated());
        // one correct out of n: the sample sd of n-1 zeros and a one is sqrt(1/n), so stderr = 1/n
        assertEquals(9, n);
        assertEquals(1.0 / n, em.stderr().value(), 1e-12);
        assertTrue(RecordValidator.standard().withClock(CLOCK).validate(rec).valid());
        assertEquals(rec, Importers.importFile(SharedData.path("corpus/formats/helm_mmlu_philosophy_gpt2/run_spec.json"),
                ImportOptions.defaults().withClock(CLOCK)).records().get(0));
    }
}
