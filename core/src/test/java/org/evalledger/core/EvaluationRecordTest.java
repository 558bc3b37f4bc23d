package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationRecordTest {

    static EvaluationRecord.Builder minimal() {
        return EvaluationRecord.builder()
                .recordId("lab:run-0001")
                .createdAt(Timestamp.parse("2026-06-13T09:30:00Z"))
                .model(Model.of("EleutherAI/pythia-160m"))
                .producer(Producer.of("EleutherAI", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .addResult(Result.of(Task.of("arc_easy"), List.of(Metric.of("acc", 0.4376, true))));
    }

    @Test
    void buildsAMinimalRecordWithEmptyCollectionsForAbsentParts() {
        EvaluationRecord r = minimal().build();
        assertEquals(EvaluationRecord.SCHEMA_V1, r.schema());
        assertTrue(r.seeds().isEmpty());
        assertTrue(r.extensions().isEmpty());
        assertTrue(r.results().get(0).artifacts().isEmpty());
        assertTrue(r.results().get(0).task().subtasks().isEmpty());
    }

    @Test
    void rejectsARecordIdOutsideTheAlphabet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().recordId("a b").build());
        assertTrue(e.getMessage().contains("recordId"), e.getMessage());
    }

    @Test
    void rejectsARecordIdLongerThan256Characters() {
        assertThrows(IllegalArgumentException.class, () -> minimal().recordId("a".repeat(257)).build());
        minimal().recordId("a".repeat(256)).build();
    }

    @Test
    void requiresModelAndProducerNamingTheField() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> EvaluationRecord.builder().recordId("x").createdAt(Timestamp.parse("2026-01-01T00:00:00Z")).build());
        assertTrue(e.getMessage().contains("model"), e.getMessage());
    }

    @Test
    void rejectsARecordWithoutResults() {
        assertThrows(IllegalArgumentException.class, () -> minimal().results(List.of()).build());
    }

    @Test
    void rejectsASupersedesThatIsNotADigest() {
        assertThrows(IllegalArgumentException.class, () -> minimal().supersedes("sha256:ABC").build());
        minimal().supersedes("sha256:" + "0".repeat(64)).build();
    }

    @Test
    void copiesCollectionsSoLaterChangesToTheInputDoNotLeakIn() {
        Map<String, Long> seeds = new HashMap<>();
        seeds.put("random", 0L);
        List<Result> results = new ArrayList<>(minimal().build().results());
        EvaluationRecord r = minimal().seeds(seeds).results(results).build();
        seeds.put("numpy", 1234L);
        results.clear();
        assertEquals(Map.of("random", 0L), r.seeds());
        assertEquals(1, r.results().size());
        assertThrows(UnsupportedOperationException.class, () -> r.seeds().put("x", 1L));
    }

    @Test
    void rejectsNullElementsInCollections() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> Result.of(Task.of("mmlu"), metrics));
        assertEquals("result.metrics must not contain null", e.getMessage());
        List<String> stop = java.util.Arrays.asList("\n", null);
        NullPointerException inStop = assertThrows(NullPointerException.class,
                () -> new Task.Generation(null, null, null, null, stop, null, null));
        assertTrue(inStop.getMessage().contains("must not contain null"), inStop.getMessage());
        Map<String, Long> seeds = new java.util.HashMap<>();
        seeds.put("torch", null);
        NullPointerException inSeeds = assertThrows(NullPointerException.class, () -> minimal().seeds(seeds).build());
        assertTrue(inSeeds.getMessage().endsWith(".torch must not be null"), inSeeds.getMessage());
    }

    @Test
    void rejectsSeedsBeyondTheSafeIntegerRange() {
        assertThrows(IllegalArgumentException.class, () -> minimal().seeds(Map.of("random", 1L << 53)).build());
    }

    @Test
    void toBuilderReproducesAnEqualRecord() {
        EvaluationRecord r = minimal().seeds(Map.of("torch", 1234L)).build();
        assertEquals(r, r.toBuilder().build());
    }
}
