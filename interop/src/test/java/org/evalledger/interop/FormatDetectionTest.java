package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real sample of ../shared/corpus is recognised from its content alone. */
class FormatDetectionTest {
    @ParameterizedTest
    @CsvSource({
        "corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json, LM_EVAL",
        "corpus/formats/eee_v0.2.0_hfopenllm_v2_LLaMA-Pro-8B-Instruct.json, EEE",
        "corpus/formats/eee_v0.3.0_reference_demo.json, EEE",
        "corpus/formats/inspect_eval_log_pubmedqa_gpt4o_mini.json, INSPECT",
        "corpus/formats/hf_modelcard_model-index_Intel_roberta-base-mrpc_README.md, MODEL_INDEX",
        "corpus/formats/helm_mmlu_philosophy_gpt2/run_spec.json, HELM",
        "corpus/leaderboards/open_llm_leaderboard_v1.csv, LEADERBOARD_CSV",
        "corpus/leaderboards/open_llm_leaderboard_v2.csv, LEADERBOARD_CSV"})
    void recognisesEachRealSample(String file, Format format) throws Exception {
        assertEquals(Optional.of(format), Importers.detect(Files.readAllBytes(SharedData.path(file))));
    }
}
