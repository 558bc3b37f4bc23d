package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AI2 Reasoning Challenge (25-Shot)|arc_challenge", "leaderboard_arc_challenge|arc_challenge",
        "HellaSwag (10-Shot)|hellaswag", "hendrycksTest|mmlu", "MMLU (5-Shot)|mmlu", "TruthfulQA (0-shot)|truthfulqa_mc2",
        "Winograd|winogrande", "GSM8k (5-shot)|gsm8k", "openai_humaneval|humaneval", "leaderboard_math_hard|math_lvl5",
        "MATH Level 5|math_lvl5", "MuSR|musr", "MMLU-PRO|mmlu_pro", "leaderboard_ifeval|ifeval", "XWinograd|xwinograd"})
    void mapsKnownNamesThroughTheAliasTable(String name, String id) {
        assertEquals(id, BenchmarkIds.normalise(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inspect_evals/pubmedqa|pubmedqa", "mmlu_abstract_algebra|mmlu_abstract_algebra", "Math Perturbed (full)|math_perturbed_full_",
        "some org/Task Name v2.1|task_name_v2.1", "  GSM-Plus  |gsm-plus"})
    void normalisesOtherNames(String name, String id) {
        assertEquals(id, BenchmarkIds.normalise(name));
    }

    @Test
    void usesNameAndConfigTogetherWhenTheTableHasThePair() {
        assertEquals("arc_challenge", BenchmarkIds.normalise("ai2_arc", "ARC-Challenge"));
        assertEquals("arc_easy", BenchmarkIds.normalise("ai2_arc", "ARC-Easy"));
        assertEquals("gsm8k", BenchmarkIds.normalise("gsm8k", "main"));
        assertEquals("glue", BenchmarkIds.normalise("glue", "mrpc"));
    }

    @Test
    void refusesNamesWithNothingUsable() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkIds.normalise("a/"));
    }

    @Test
    void everyResultIsAValidBenchmarkId() {
        for (String n : new String[] {"ARC", "Weird Näme!!", "x/y/z", "Über"}) {
            Task.of(BenchmarkIds.normalise(n));
        }
    }
}
