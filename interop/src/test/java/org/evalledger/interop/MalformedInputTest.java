package org.evalledger.interop;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.evalledger.schema.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every format fails with an EL-IMPORT-* code whose message names the format (and the
 * file, for files); nothing else escapes. And good input is deterministic: the same bytes twice
 * give byte-identical records.
 */
class MalformedInputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withClock(CLOCK).withModel("org/model");
    private static final Set<String> CODES = Set.of(ImportException.NOT_JSON, ImportException.MISSING,
            ImportException.TOO_LARGE, ImportException.UNKNOWN_FORMAT, ImportException.IO);

    @TempDir
    Path dir;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(Format.LM_EVAL, "corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json"),
                Arguments.of(Format.EEE, "corpus/formats/eee_v0.3.0_reference_demo.json"),
                Arguments.of(Format.EEE, "corpus/formats/eee_v0.2.0_hfopenllm_v2_LLaMA-Pro-8B-Instruct.json"),
                Arguments.of(Format.INSPECT, "corpus/formats/inspect_eval_log_pubmedqa_gpt4o_mini.json"),
                Arguments.of(Format.MODEL_INDEX, "corpus/formats/hf_modelcard_model-index_Intel_roberta-base-mrpc_README.md"),
                Arguments.of(Format.LEADERBOARD_CSV, "corpus/leaderboards/open_llm_leaderboard_v2.csv"));
    }

    private static void assertFails(Format format, byte[] content) {
        ImportException e = assertThrows(ImportException.class, () -> Importers.importBytes(content, Optional.of(format), OPTIONS));
        assertTrue(CODES.contains(e.code()), e.getMessage());
        assertTrue(e.getMessage().contains(format.cliName()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncatedFilesFailWithACode(Format format, String file) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.path(file));
        byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
        if (format == Format.LEADERBOARD_CSV) {
            half = Arrays.copyOf(bytes, bytes.length / 2 + 1);
            half[half.length - 1] = '"'; // an unterminated quoted field
        }
        assertFails(format, half);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void wrongTypesAndEmptyResultsFailWithACode(Format format, String file) {
        for (String doc : switch (format) {
            case LM_EVAL -> List.of("{\"results\":[],\"lm_eval_version\":\"0.4\"}", "{\"results\":{\"t\":{\"acc,none\":\"high\"}},"
                    + "\"lm_eval_version\":\"0.4\",\"model_name\":\"a/b\"}", "[1,2]");
            case EEE -> List.of("{\"schema_version\":\"0.3.0\",\"evaluation_id\":\"x\",\"model_info\":{\"id\":\"a/b\"},"
                    + "\"evaluation_results\":[]}", "{\"schema_version\":\"0.3.0\",\"evaluation_results\":\"many\"}",
                    "{\"schema_version\":\"0.3.0\",\"model_info\":{\"id\":\"a/b\"},\"evaluation_results\":[{\"evaluation_name\":\"x\","
                            + "\"score_details\":{\"score\":\"0.5\"}}]}");
            case INSPECT -> List.of("{\"version\":2,\"eval\":{\"task\":\"t\"},\"results\":{\"scores\":[]}}",
                    "{\"version\":2,\"eval\":5}");
            case MODEL_INDEX -> List.of("---\nmodel-index: []\n---\n", "---\nmodel-index:\n- name: m\n  results: 7\n---\n",
                    "no front matter");
            default -> List.of("fullname,arc\n", "fullname,arc\norg/a,high\n", "x,y\n1,2\n");
        }) {
            assertFails(format, doc.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aYamlAliasBombFailsWithACode() {
        StringBuilder bomb = new StringBuilder("---\nmodel-index:\n- name: &a [x,x,x,x,x,x,x,x,x,x]\n");
        StringBuilder refs = new StringBuilder("  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n");
        for (char c = 'c'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            refs.append("  ").append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        assertFails(Format.MODEL_INDEX, (bomb.toString() + refs + "---\n").getBytes(StandardCharsets.UTF_8));
        assertFails(Format.EVAL_RESULTS, ("- dataset: &a [x,x,x,x,x,x,x,x,x,x]\n" + refs).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFiftyMebibyteFileFailsWithACodeNamingTheFileAndIsNotRead() throws Exception {
        Path big = dir.resolve("results_big.json");
        byte[] content = new byte[50 * 1024 * 1024];
        Arrays.fill(content, (byte) ' ');
        content[0] = '{';
        content[content.length - 1] = '}';
        Files.write(big, content);
        ImportException e = assertThrows(ImportException.class, () -> Importers.importFile(big, OPTIONS));
        assertTrue(e.code().equals(ImportException.TOO_LARGE), e.getMessage());
        assertTrue(e.getMessage().contains(big.toString()), e.getMessage());
        assertFails(Format.LM_EVAL, content);
    }

    @Test
    void fileErrorsNameTheFile() throws Exception {
        Path bad = dir.resolve("results_x.json");
        Files.writeString(bad, "{\"results\":{},\"lm_eval_version\":\"0.4\"}");
        ImportException e = assertThrows(ImportException.class, () -> Importers.importFile(bad, OPTIONS));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("lm-eval"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void importingTheSameBytesTwiceGivesByteIdenticalRecords(Format format, String file) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.path(file));
        ImportResult a = Importers.importBytes(bytes, Optional.of(format), OPTIONS);
        ImportResult b = Importers.importBytes(bytes.clone(), Optional.empty(), OPTIONS.withClock(Clock.systemUTC()));
        if (format == Format.MODEL_INDEX || format == Format.LEADERBOARD_CSV) {
            // these formats carry no (or not every) timestamp: the injected clock fills it in, so fix it for both
            b = Importers.importBytes(bytes.clone(), Optional.empty(), OPTIONS);
        }
        RecordCodec codec = RecordCodec.standard();
        for (int i = 0; i < a.records().size(); i++) {
            assertArrayEquals(codec.canonical(a.records().get(i)), codec.canonical(b.records().get(i)));
        }
    }
}
