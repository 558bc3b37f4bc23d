package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void timestampKeepsItsTextAndGivesTheInstant() {
        Timestamp t = Timestamp.parse("2026-06-13T09:30:00.5Z");
        assertEquals("2026-06-13T09:30:00.5Z", t.text());
        assertEquals(Instant.parse("2026-06-13T09:30:00.500Z"), t.instant());
    }

    @Test
    void timestampRejectsOffsetsOtherThanZAndImpossibleDates() {
        assertThrows(IllegalArgumentException.class, () -> Timestamp.parse("2026-06-13T09:30:00+02:00"));
        assertThrows(IllegalArgumentException.class, () -> Timestamp.parse("2026-06-13 09:30:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamp.parse("2026-02-30T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamp.parse("2026-06-13T09:30:00.1234567890Z"));
    }

    @Test
    void timestampOfAnInstantIsUtc() {
        assertEquals("2026-06-13T09:30:00Z", Timestamp.of(Instant.parse("2026-06-13T09:30:00Z")).text());
    }

    @Test
    void metricRejectsNonFiniteValuesAndNegativeStderr() {
        assertThrows(IllegalArgumentException.class, () -> Metric.of("acc", Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> Metric.of("acc", Double.POSITIVE_INFINITY, true));
        assertThrows(IllegalArgumentException.class, () -> new Metric.Stderr(-0.1, null));
        assertThrows(IllegalArgumentException.class, () -> Metric.builder("acc", 0.5, true).n(0L).build());
        assertThrows(IllegalArgumentException.class, () -> new Metric.ConfidenceInterval(0.4, 0.6, 1.0, null));
    }

    @Test
    void metricWithoutUnitIsAProportion() {
        assertEquals(MetricUnit.PROPORTION, Metric.of("acc", 0.5, true).effectiveUnit());
        assertEquals(MetricUnit.PERCENT, Metric.builder("acc", 50, true).unit(MetricUnit.PERCENT).build().effectiveUnit());
    }

    @Test
    void metricRangeIsNotCheckedAgainstTheValueHereButByValidation() {
        // a record must be inspectable whole; the validator reports EL-SEM-VALUE-OUT-OF-RANGE
        Metric m = Metric.builder("acc", 2, true).range(new Metric.Range(0.0, 1.0)).build();
        assertEquals(2, m.value());
    }

    @Test
    void taskBenchmarkMustBeACanonicalId() {
        assertThrows(IllegalArgumentException.class, () -> Task.of("MMLU"));
        assertThrows(IllegalArgumentException.class, () -> Task.of("inspect_evals/pubmedqa"));
        assertThrows(IllegalArgumentException.class, () -> Task.builder("mmlu").subtasks(List.of("Bad Id")).build());
        assertEquals("mmlu_abstract_algebra", Task.of("mmlu_abstract_algebra").benchmark());
    }

    @Test
    void promptHashesMustBeLowerCaseHex64() {
        assertThrows(IllegalArgumentException.class, () -> new Task.Prompt(null, "ABC", null, null));
        assertThrows(IllegalArgumentException.class, () -> new Task.Prompt(null, "A".repeat(64), null, null));
        new Task.Prompt(null, "a".repeat(64), null, null);
    }

    @Test
    void samplesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Task.Samples(null, 0));
        assertThrows(IllegalArgumentException.class, () -> new Task.Samples(0L, 1));
    }

    @Test
    void wireNamesAreLowerCaseAndReadBack() {
        assertEquals("first_party", Relationship.FIRST_PARTY.wireName());
        assertEquals(Optional.of(SourceType.EVALUATION_RUN), WireEnum.fromWire(SourceType.class, "evaluation_run"));
        assertEquals(Optional.empty(), WireEnum.fromWire(SourceType.class, "EVALUATION_RUN"));
    }
    @Test
    void everyWireEnumConstantIsSpelledInLowerCaseAndReadsBackFromThatSpellingOnly() {
        for (Class<? extends Enum<?>> type : List.of(ArtifactKind.class, Availability.class, Derivation.class, MetricUnit.class,
                ProducerKind.class, Relationship.class, SourceType.class, StderrMethod.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String wire = ((WireEnum) constant).wireName();
                assertEquals(constant.name().toLowerCase(java.util.Locale.ROOT), wire);
                assertEquals(Optional.of(constant), fromWire(type, wire));
                assertEquals(Optional.empty(), fromWire(type, constant.name()), "upper case is not a spelling");
                assertEquals(Optional.empty(), fromWire(type, wire + " "));
            }
            assertEquals(Optional.empty(), fromWire(type, null));
            assertEquals(Optional.empty(), fromWire(type, ""));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<?> fromWire(Class<? extends Enum<?>> type, String wire) {
        return WireEnum.fromWire((Class) type, wire);
    }


    @Test
    void batchSizeIsANumberOrAuto() {
        assertEquals(new BatchSize.Fixed(8), BatchSize.of(8));
        assertTrue(BatchSize.auto() instanceof BatchSize.Auto);
        assertThrows(IllegalArgumentException.class, () -> BatchSize.of(0));
    }

    @Test
    void resultFindsAMetricById() {
        Result r = Result.of(Task.of("gsm8k"), List.of(Metric.of("exact_match", 0.5, true)));
        assertTrue(r.metric("exact_match").isPresent());
        assertTrue(r.metric("acc").isEmpty());
    }

    @Test
    void jsonValuesAreImmutableCopies() {
        java.util.Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
        m.put("a", new JsonValue.JsonNumber(1));
        JsonValue.JsonObject o = new JsonValue.JsonObject(m);
        m.put("b", JsonValue.JsonNull.INSTANCE);
        assertEquals(1, o.members().size());
        assertThrows(IllegalArgumentException.class, () -> new JsonValue.JsonNumber(Double.NaN));
    }

    @Test
    void anObjectBuiltByItsBuilderEqualsTheSameObjectBuiltFromAMapAndIsImmutable() {
        java.util.Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
        m.put("z", new JsonValue.JsonNumber(1));
        m.put("a", new JsonValue.JsonString("x"));
        m.put("m", JsonValue.JsonNull.INSTANCE);
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
        m.forEach(b::put);
        assertTrue(b.has("a"));
        JsonValue.JsonObject built = b.build();
        JsonValue.JsonObject copied = new JsonValue.JsonObject(m);
        assertEquals(copied, built);
        assertEquals(built, copied);
        assertEquals(copied.hashCode(), built.hashCode());
        assertEquals(List.of("z", "a", "m"), List.copyOf(built.members().keySet()), "members keep the order they were put in");
        assertEquals(copied.toString(), built.toString());
        assertEquals(new JsonValue.JsonString("x"), built.members().get("a"));
        assertThrows(UnsupportedOperationException.class, () -> built.members().put("b", JsonValue.JsonNull.INSTANCE));
        assertThrows(UnsupportedOperationException.class, () -> built.members().entrySet().iterator().next().setValue(null));
        // the builder is spent: it cannot change the object it handed its members to
        assertThrows(IllegalStateException.class, () -> b.put("b", JsonValue.JsonNull.INSTANCE));
        assertThrows(IllegalStateException.class, b::build);
        assertEquals(3, built.members().size());
        // an object made from the members of a built one is equal (and the constructor keeps them, already unmodifiable)
        assertEquals(built, new JsonValue.JsonObject(built.members()));
    }

    @Test
    void anObjectBuilderRefusesDuplicateNamesAndNulls() {
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder().put("a", new JsonValue.JsonBoolean(true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.put("a", JsonValue.JsonNull.INSTANCE));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
        assertThrows(NullPointerException.class, () -> b.put(null, JsonValue.JsonNull.INSTANCE));
        assertEquals("object.b must not be null", assertThrows(NullPointerException.class, () -> b.put("b", null)).getMessage());
        assertEquals(1, b.build().members().size());
    }
}
