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
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.SourceType;
import org.evalledger.schema.RecordValidator;
import org.junit.jupiter.api.Test;

class HuggingFaceImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withClock(CLOCK);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The real Intel/roberta-base-mrpc model card of ../shared/corpus/formats. */
    @Test
    void readsTheModelIndexOfARealModelCard() {
        ImportResult r = Importers.importFile(SharedData.path("corpus/formats/hf_modelcard_model-index_Intel_roberta-base-mrpc_README.md"),
                OPTIONS.withModel("Intel/roberta-base-mrpc"));
        assertEquals(Format.MODEL_INDEX, r.format());
        EvaluationRecord rec = r.records().get(0);
        assertEquals("Intel/roberta-base-mrpc", rec.model().id());
        assertEquals(SourceType.DOCUMENTATION, rec.producer().sourceType());
        var result = rec.results().get(0);
        assertEquals("glue", result.task().benchmark());
        assertEquals("mrpc", result.task().dataset().config());
        assertEquals("validation", result.task().dataset().split());
        assertEquals(List.of("accuracy", "precision", "recall", "auc", "f1", "loss"),
                result.metrics().stream().map(Metric::id).toList());
        // every metric of MRPC, with the values of the card
        assertEquals(List.of(0.8774509803921569, 0.8803986710963455, 0.9498207885304659, 0.9474174099080325,
                0.9137931034482758, 0.5562044978141785), result.metrics().stream().map(Metric::value).toList());
        assertEquals(List.of(true, true, true, true, true, false),
                result.metrics().stream().map(Metric::higherIsBetter).toList()); // loss: lower is better
        assertEquals(1, rec.results().size());
        Map<String, JsonValue> ext = ((JsonValue.JsonObject) rec.extensions().get("org.evalledger.import.model-index")).members();
        assertEquals(new JsonValue.JsonBoolean(true), ext.get("model-index.0.results.0.metrics.0.verified"));
        assertTrue(ext.get("model-index.0.results.0.metrics.0.verifyToken") instanceof JsonValue.JsonString);
        assertEquals(new JsonValue.JsonString("natural-language-inference"),
                ((JsonValue.JsonObject) ext.get("model-index.0.results.0.task")).members().get("type"));
        assertTrue(RecordValidator.standard().withClock(CLOCK).validate(rec).valid());
    }

    @Test
    void readsValuesWrittenWithAPlusMinusAsValueAndStderr() {
        String card = "---\nmodel-index:\n- name: org/m\n  results:\n  - task: {type: text-generation}\n    dataset:\n"
                + "      type: gsm8k\n      config: main\n      args: {num_few_shot: 5}\n    metrics:\n"
                + "    - type: accuracy\n      value: \"57.1 ± 1.4\"\n---\n# Card\n";
        EvaluationRecord rec = Importers.importBytes(utf8(card), Optional.empty(), OPTIONS).records().get(0);
        Metric m = rec.results().get(0).metrics().get(0);
        assertEquals(57.1, m.value());
        assertEquals(1.4, m.stderr().value());
        assertEquals(MetricUnit.PERCENT, m.unit());
        assertEquals("gsm8k", rec.results().get(0).task().benchmark());
        assertEquals(5, rec.results().get(0).task().fewShot());
        assertEquals("org/m", rec.model().id());
    }

    @Test
    void readsEvalResultsEntriesWithTheModelFromTheCaller() {
        String yaml = "- dataset:\n    id: cais/hle\n    task_id: default\n    revision: 5a81a4c\n  value: 20.90\n"
                + "  date: \"2025-01-15\"\n  source:\n    url: https://example.org/paper\n    name: Paper\n  notes: tools off\n"
                + "  verifyToken: abc.def.ghi\n"
                + "- dataset:\n    id: openai/gsm8k\n    task_id: gsm8k\n  value: 0.81\n";
        assertEquals(Optional.of(Format.EVAL_RESULTS), Importers.detect(utf8(yaml)));
        assertEquals(ImportException.MISSING, assertThrows(ImportException.class,
                () -> Importers.importBytes(utf8(yaml), Optional.empty(), OPTIONS)).code());
        EvaluationRecord rec = Importers.importBytes(utf8(yaml), Optional.empty(), OPTIONS.withModel("org/model"))
                .records().get(0);
        assertEquals(2, rec.results().size());
        assertEquals("hle", rec.results().get(0).task().benchmark());
        assertEquals("5a81a4c", rec.results().get(0).task().dataset().revision());
        Metric hle = rec.results().get(0).metrics().get(0);
        assertEquals("score", hle.id());
        assertEquals(MetricUnit.PERCENT, hle.unit());
        assertEquals(MetricUnit.PROPORTION, rec.results().get(1).metrics().get(0).unit());
        assertEquals("gsm8k", rec.results().get(1).task().benchmark());
        assertEquals("2025-01-15T00:00:00Z", rec.evaluatedAt().text());
        assertEquals("https://example.org/paper", rec.references().source());
        Map<String, JsonValue> ext = ((JsonValue.JsonObject) rec.extensions().get("org.evalledger.import.eval-results")).members();
        assertEquals(new JsonValue.JsonString("abc.def.ghi"), ext.get("entries.0.verifyToken"));
        assertEquals(new JsonValue.JsonString("tools off"), ext.get("entries.0.notes"));
        assertTrue(RecordValidator.standard().withClock(CLOCK).validate(rec).valid());
        assertNull(rec.harness());
    }

    @Test
    void malformedYamlGetsAStableCode() {
        assertEquals(ImportException.NOT_JSON, assertThrows(ImportException.class, () -> Importers.importBytes(
                utf8("---\nmodel-index: [\n---\n"), Optional.of(Format.MODEL_INDEX), OPTIONS)).code());
        assertEquals(ImportException.MISSING, assertThrows(ImportException.class, () -> Importers.importBytes(
                utf8("# no front matter\n"), Optional.of(Format.MODEL_INDEX), OPTIONS)).code());
        // a "billion laughs" alias bomb is refused, not expanded
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        ImportException e = assertThrows(ImportException.class, () -> Importers.importBytes(
                utf8(bomb.toString()), Optional.of(Format.EVAL_RESULTS), OPTIONS.withModel("o/m")));
        assertTrue(e.code().equals(ImportException.NOT_JSON) || e.code().equals(ImportException.MISSING), e.getMessage());
    }
}
