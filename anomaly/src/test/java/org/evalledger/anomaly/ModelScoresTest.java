package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A row's scores are its own copy, in id order, with no null id or score, whatever map they came in. */
class ModelScoresTest {
    private static final Score A = Score.percent(50);
    private static final Score B = Score.percent(60);

    @Test
    void scoresIterateInIdOrderFromAnyMap() {
        for (Map<String, Score> given : List.<Map<String, Score>>of(new LinkedHashMap<>(), new HashMap<>(), new TreeMap<>())) {
            given.put("mmlu", A);
            given.put("arc_challenge", B);
            given.put("hellaswag", A);
            ModelScores row = new ModelScores("org/x", null, null, null, null, given);
            assertEquals(List.of("arc_challenge", "hellaswag", "mmlu"), List.copyOf(row.scores().keySet()), given.getClass().getName());
            given.put("zzz", B);
            assertEquals(3, row.scores().size(), "a copy, not a view: " + given.getClass().getName());
        }
        ModelScores built = ModelScores.builder("org/x").score("mmlu", A).score("arc_challenge", B).build();
        assertEquals(List.of("arc_challenge", "mmlu"), List.copyOf(built.scores().keySet()));
    }

    @Test
    void aNullScoreOrIdIsRefusedByName() {
        Map<String, Score> withNullScore = new TreeMap<>();
        withNullScore.put("mmlu", null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new ModelScores("org/x", null, null, null, null, withNullScore));
        assertEquals("score", e.getMessage());
        assertEquals("score", assertThrows(NullPointerException.class,
                () -> ModelScores.builder("org/x").score("mmlu", null).build()).getMessage());
        Map<String, Score> withNullId = new HashMap<>();
        withNullId.put(null, A);
        assertEquals("benchmark id", assertThrows(NullPointerException.class,
                () -> new ModelScores("org/x", null, null, null, null, withNullId)).getMessage());
    }

    @Test
    void aSortedMapInAnotherOrderIsPutInIdOrder() {
        Map<String, Score> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("arc_challenge", A);
        reversed.put("mmlu", B);
        ModelScores row = new ModelScores("org/x", null, null, null, null, reversed);
        assertEquals(List.of("arc_challenge", "mmlu"), List.copyOf(row.scores().keySet()));
    }
}
