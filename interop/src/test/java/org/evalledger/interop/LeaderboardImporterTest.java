package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.evalledger.core.Derivation;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Relationship;
import org.evalledger.core.SourceType;
import org.evalledger.schema.RecordValidator;
import org.junit.jupiter.api.Test;

/** The real Open LLM Leaderboard v1 and v2 tables of ../shared/corpus/leaderboards. */
class LeaderboardImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withClock(CLOCK);

    private static EvaluationRecord find(List<EvaluationRecord> records, String id) {
        return records.stream().filter(r -> r.model().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void importsEveryV1RowAsAValidRecordInPercent() {
        ImportResult r = Importers.importFile(SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv"), OPTIONS);
        assertEquals(7169, r.records().size());
        EvaluationRecord first = find(r.records(), "paloalma/Le_Triomphant-ECE-TW3");
        assertEquals(List.of("arc_challenge", "hellaswag", "mmlu", "truthfulqa_mc2", "winogrande", "gsm8k"),
                first.results().stream().map(x -> x.task().benchmark()).toList());
        assertEquals(78.5, first.results().get(0).metrics().get(0).value());
        assertEquals("acc_norm", first.results().get(0).metrics().get(0).id());
        assertEquals(25, first.results().get(0).task().fewShot());
        assertEquals(MetricUnit.PERCENT, first.results().get(0).metrics().get(0).unit());
        assertEquals(72_000_000_000L, first.model().parameters());
        assertEquals(Derivation.MERGE, first.model().derivation());
        assertEquals("aa4d9084fcfb69afff6b2bac5c1350bf29a159cb", first.model().revision());
        assertEquals("2024-05-05T12:22:44Z", first.createdAt().text());
        assertEquals("Open LLM Leaderboard", first.producer().name());
        assertEquals(Relationship.HUB, first.producer().relationship());
        assertEquals(SourceType.LEADERBOARD, first.producer().sourceType());
        RecordValidator v = RecordValidator.standard().withClock(CLOCK);
        long invalid = r.records().stream().filter(x -> !v.validate(x).valid()).count();
        assertEquals(0, invalid);
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("flagged")));
    }

    @Test
    void importsV2RowsInProportionsWithBaseModels() {
        ImportResult r = Importers.importFile(SharedData.path("corpus/leaderboards/open_llm_leaderboard_v2.csv"), OPTIONS);
        assertEquals(4576, r.records().size());
        EvaluationRecord m = find(r.records(), "0-hero/Matter-0.2-7B-DPO");
        assertEquals(List.of("ifeval", "bbh", "math_lvl5", "gpqa", "musr", "mmlu_pro"),
                m.results().stream().map(x -> x.task().benchmark()).toList());
        assertEquals(0.330279214705869, m.results().get(0).metrics().get(0).value());
        assertEquals(MetricUnit.PROPORTION, m.results().get(0).metrics().get(0).unit());
        assertEquals(Derivation.FINETUNE, m.model().derivation());
        long withParent = r.records().stream().filter(x -> x.model().baseModel() != null).count();
        assertTrue(withParent >= 550, "rows naming a parent: " + withParent);
    }

    @Test
    void handlesQuotedFieldsAndSkipsRowsWithoutScores() {
        String csv = "fullname,arc,hellaswag,mmlu,truthfulqa,winogrande,gsm8k,hub_license\r\n"
                + "org/a,50.5,,,,,,\"apache, 2.0\"\r\n"
                + "org/b,,,,,,,mit\r\n"
                + "\"org/c\",\"40\",41,42,43,44,45,\"say \"\"hi\"\"\"\n";
        ImportResult r = Importers.importBytes(csv.getBytes(StandardCharsets.UTF_8), Optional.empty(), OPTIONS);
        assertEquals(2, r.records().size());
        assertEquals(1, r.records().get(0).results().size());
        assertEquals(6, r.records().get(1).results().size());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("no scores")));
        assertEquals("2026-11-22T00:00:00Z", r.records().get(0).createdAt().text()); // no date column: the clock
    }
}
