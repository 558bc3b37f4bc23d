package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.evalledger.core.ArtifactKind;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.StderrMethod;
import org.evalledger.interop.internal.Common;
import org.evalledger.schema.RecordValidator;
import org.junit.jupiter.api.Test;

/** The real Inspect AI EvalLog of ../shared/corpus/formats. */
class InspectImporterTest {
    private static final String FILE = "corpus/formats/inspect_eval_log_pubmedqa_gpt4o_mini.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void mapsTheLog() throws Exception {
        ImportResult r = Importers.importFile(SharedData.path(FILE), ImportOptions.defaults().withClock(CLOCK));
        assertEquals(Format.INSPECT, r.format());
        EvaluationRecord rec = r.records().get(0);
        assertEquals("KB3YEFLdRjAr4kNgdR7ZNa", rec.recordId());
        assertEquals("2025-07-03T14:44:30Z", rec.evaluatedAt().text()); // +02:00 converted to UTC
        assertEquals("openai/azure/gpt-4o-mini", rec.model().id());
        assertEquals("inspect_ai", rec.harness().name());
        assertEquals("0.3.108", rec.harness().version());
        var task = rec.results().get(0).task();
        assertEquals("pubmedqa", task.benchmark());
        assertEquals("inspect_evals/pubmedqa", task.name());
        assertEquals("bigbio/pubmed_qa", task.dataset().id());
        assertEquals(2L, task.samples().evaluated());
        assertEquals(500L, task.samples().total());
        assertTrue(task.prompt().template().startsWith("Answer the following multiple choice question"));
        Metric accuracy = rec.results().get(0).metrics().get(0);
        assertEquals("accuracy", accuracy.id());
        assertEquals(1.0, accuracy.value());
        assertEquals(new Metric.Stderr(0.0, StderrMethod.ANALYTIC), accuracy.stderr());
        assertEquals(1, rec.results().get(0).metrics().size());
        var log = rec.results().get(0).artifacts().get(0);
        assertEquals(ArtifactKind.LOG, log.kind());
        assertEquals("inspect_eval_log_pubmedqa_gpt4o_mini.json", log.uri());
        assertEquals(Common.sha256Hex(Files.readAllBytes(SharedData.path(FILE))), log.sha256());
        assertEquals(2L, log.rows());
        assertTrue(RecordValidator.standard().withClock(CLOCK).validate(rec).valid());
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("eval.run_id")), r.warnings().toString());
    }
}
