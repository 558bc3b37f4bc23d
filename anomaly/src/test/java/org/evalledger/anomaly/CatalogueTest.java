package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final String HEADER = "id\tfamily\tmetrics\tfew_shot\titems\tchance\tkind\tceiling\teasy\ttwin\tnote\n";

    @Test
    void theShippedCatalogueHasEveryBenchmarkOfAnomalyMd() {
        Catalogue c = Catalogue.defaults();
        for (String id : List.of("mmlu", "mmlu_pro", "arc_challenge", "arc_easy", "hellaswag", "winogrande", "truthfulqa_mc1",
                "truthfulqa_mc2", "gsm8k", "math", "math_lvl5", "humaneval", "mbpp", "gpqa", "gpqa_diamond", "bbh", "musr", "ifeval")) {
            assertTrue(c.find(id).isPresent(), id);
        }
    }

    @Test
    void theShippedFactsAreAnomalyMds() {
        Catalogue c = Catalogue.defaults();
        Benchmark arc = c.find("arc_challenge").orElseThrow();
        assertEquals(List.of("acc_norm"), arc.metrics());
        assertEquals(25, arc.fewShot());
        assertEquals(1172L, arc.items());
        assertEquals(0.25, arc.chance());
        assertEquals(ScoreKind.COUNT, arc.kind());
        assertTrue(arc.easy());
        Benchmark mmlu = c.find("mmlu").orElseThrow();
        assertEquals(ScoreKind.MACRO, mmlu.kind());
        assertEquals(0.935, mmlu.ceiling());
        assertEquals(14042L, mmlu.items());
        assertEquals("mmlu_cf", mmlu.twin());
        assertEquals(ScoreKind.NON_COUNT, c.find("truthfulqa_mc2").orElseThrow().kind());
        assertEquals(null, c.find("truthfulqa_mc1").orElseThrow().chance());
        assertEquals(0.5, c.find("winogrande").orElseThrow().chance());
        assertEquals(1319L, c.find("gsm8k").orElseThrow().items());
        assertEquals("gsm1k", c.find("gsm8k").orElseThrow().twin());
        assertEquals(164L, c.find("humaneval").orElseThrow().items());
        assertEquals(198L, c.find("gpqa_diamond").orElseThrow().items());
        assertEquals(12032L, c.find("mmlu_pro").orElseThrow().items());
        assertEquals(0.1, c.find("mmlu_pro").orElseThrow().chance());
        assertEquals(1324L, c.find("math_lvl5").orElseThrow().items());
        assertEquals(ScoreKind.MACRO, c.find("musr").orElseThrow().kind());
        assertEquals(ScoreKind.NON_COUNT, c.find("ifeval").orElseThrow().kind());
        assertFalse(c.find("mmlu_pro").orElseThrow().easy());
    }

    @Test
    void aCallerOverridesAndExtendsTheDefaults() {
        Benchmark mine = new Benchmark("my_bench", "code", List.of("pass@1"), 0, 300L, 0.0, ScoreKind.COUNT, null, false, null);
        Benchmark arc = new Benchmark("arc_challenge", "reasoning", List.of("acc"), 0, 1172L, 0.25, ScoreKind.COUNT, null, true, null);
        Catalogue c = Catalogue.defaults().with(mine, arc);
        assertEquals(mine, c.find("my_bench").orElseThrow());
        assertEquals(List.of("acc"), c.find("arc_challenge").orElseThrow().metrics());
        assertEquals(Catalogue.defaults().size() + 1, c.size());
        assertEquals(List.of("acc_norm"), Catalogue.defaults().find("arc_challenge").orElseThrow().metrics(), "defaults unchanged");
    }

    @Test
    void readsItsOwnFileFormat() {
        Catalogue c = Catalogue.parse(new StringReader("# comment\n" + HEADER
                + "b1\tmath\texact_match,em\t4\t500\t0\tcount\t-\tno\t-\tnote\n"
                + "b2\tqa\tacc\t-\t-\t0.25\tmacro\t0.9\tyes\tb1\t-\n"), "mine.tsv");
        Benchmark b1 = c.find("b1").orElseThrow();
        assertEquals(List.of("exact_match", "em"), b1.metrics());
        assertEquals(500L, b1.items());
        Benchmark b2 = c.find("b2").orElseThrow();
        assertEquals(null, b2.items());
        assertEquals(null, b2.fewShot());
        assertEquals(0.9, b2.ceiling());
        assertTrue(b2.easy());
        assertEquals("b1", b2.twin());
    }

    @Test
    void aBadFileSaysWhichLineAndWhy() {
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(HEADER
                + "b1\tmath\tacc\t4\t500\t0\tcount\t-\tno\t-\t-\n"
                + "b2\tmath\tacc\t4\tmany\t0\tcount\t-\tno\t-\t-\n"), "mine.tsv"));
        assertEquals("EL-CATALOGUE-FORMAT", e.code());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("mine.tsv line 3"), e.getMessage());
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader("id\tfamily\n"), "x"));
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(""), "x"));
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(HEADER
                + "b1\tmath\tacc\t4\t500\t1.5\tcount\t-\tno\t-\t-\n"), "x"), "chance outside [0, 1)");
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(HEADER
                + "b1\tmath\tacc\t4\t500\t0\tsome\t-\tno\t-\t-\n"), "x"), "unknown kind");
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(HEADER
                + "B 1\tmath\tacc\t4\t500\t0\tcount\t-\tno\t-\t-\n"), "x"), "not a canonical id");
        assertThrows(CatalogueException.class, () -> Catalogue.parse(new StringReader(HEADER + "b1\tmath\n"), "x"), "short row");
    }
}
