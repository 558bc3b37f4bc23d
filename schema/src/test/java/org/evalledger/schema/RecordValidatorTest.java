package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** One test per error code that validation can report, each asserting the code and the pointer. */
class RecordValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final RecordValidator V = RecordValidator.standard().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ValidationReport validate(String golden, Consumer<ObjectNode> edit) {
        return V.validate(Docs.edited(golden, edit));
    }

    private static void assertSingle(ValidationReport r, ErrorCode code, String pointer) {
        assertEquals(List.of(code.code() + " " + pointer),
                r.issues().stream().map(i -> i.code() + " " + i.pointer()).toList(), r.toString());
        assertEquals(code.severity(), r.issues().get(0).severity());
        assertFalse(r.issues().get(0).message().isBlank());
        assertEquals(code.severity() == Severity.WARNING, r.valid());
    }

    private static ObjectNode metric0(ObjectNode root) {
        return Docs.at(root, "/results/0/metrics/0");
    }

    // ---- JSON Schema

    @Test
    void reportsAMissingSchemaVersionOnce() {
        assertSingle(validate("minimal", r -> r.remove("schema")), ErrorCode.SCHEMA_VERSION, "/schema");
    }

    @Test
    void reportsAnUnknownSchemaVersion() {
        assertSingle(validate("minimal", r -> r.put("schema", "https://evalledger.org/schemas/record/v9")),
                ErrorCode.SCHEMA_VERSION, "/schema");
    }

    @Test
    void reportsAMissingRequiredMemberWhereItBelongs() {
        assertSingle(validate("minimal", r -> Docs.at(r, "/producer").remove("relationship")),
                ErrorCode.SCHEMA_REQUIRED, "/producer/relationship");
    }

    @Test
    void reportsANumberBeyondTheLongRangeAsOutOfBoundsRatherThanThrowing() {
        // networknt converts such a number to a long for an integral bound, and throws
        assertSingle(validate("minimal", r -> metric0(r).put("n", 1e20)), ErrorCode.SCHEMA_RANGE, "/results/0/metrics/0/n");
        assertSingle(validate("minimal", r -> metric0(r).put("n", -1e300)), ErrorCode.SCHEMA_RANGE, "/results/0/metrics/0/n");
    }

    @Test
    void reportsAnUnknownMemberAndPointsAtIt() {
        assertSingle(validate("minimal", r -> Docs.at(r, "/model").put("revison", "abc")),
                ErrorCode.SCHEMA_UNKNOWN_PROPERTY, "/model/revison");
    }

    @Test
    void reportsAWrongType() {
        assertSingle(validate("minimal", r -> metric0(r).put("value", "0.43")), ErrorCode.SCHEMA_TYPE,
                "/results/0/metrics/0/value");
    }

    @Test
    void reportsABatchSizeThatIsNeitherIntegerNorAuto() {
        ValidationReport r = validate("multi-result", t -> Docs.at(t, "/environment").put("batchSize", "large"));
        assertFalse(r.valid());
        assertTrue(r.errors().stream().allMatch(i -> i.pointer().equals("/environment/batchSize")), r.toString());
    }

    @Test
    void reportsAPatternMismatch() {
        assertSingle(validate("minimal", r -> r.put("createdAt", "2026-06-13T09:30:00+02:00")),
                ErrorCode.SCHEMA_PATTERN, "/createdAt");
        assertSingle(validate("minimal", r -> Docs.at(r, "/results/0/task").put("benchmark", "ARC Easy")),
                ErrorCode.SCHEMA_PATTERN, "/results/0/task/benchmark");
    }

    @Test
    void reportsAValueOutsideItsEnumeration() {
        assertSingle(validate("minimal", r -> Docs.at(r, "/producer").put("relationship", "self")),
                ErrorCode.SCHEMA_ENUM, "/producer/relationship");
    }

    @Test
    void reportsANumberOutOfBounds() {
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/task").put("fewShot", -1)),
                ErrorCode.SCHEMA_RANGE, "/results/0/task/fewShot");
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/metrics/0/confidenceInterval").put("level", 95)),
                ErrorCode.SCHEMA_RANGE, "/results/0/metrics/0/confidenceInterval/level");
    }

    @Test
    void reportsAnEmptyRequiredString() {
        assertSingle(validate("minimal", r -> Docs.at(r, "/producer").put("name", "")),
                ErrorCode.SCHEMA_LENGTH, "/producer/name");
    }

    @Test
    void reportsEmptyResultsAndEmptyOptionalArrays() {
        assertSingle(validate("minimal", r -> r.putArray("results")), ErrorCode.SCHEMA_SIZE, "/results");
        assertSingle(validate("minimal", r -> r.putObject("seeds")), ErrorCode.SCHEMA_SIZE, "/seeds");
    }

    @Test
    void reportsEveryIssueAtOnce() {
        ValidationReport r = validate("minimal", t -> {
            t.remove("recordId");
            Docs.at(t, "/model").put("parameters", -5);
            metric0(t).put("higherIsBetter", "yes");
        });
        assertEquals(List.of("/model/parameters", "/recordId", "/results/0/metrics/0/higherIsBetter"),
                r.errors().stream().map(Issue::pointer).sorted().toList(), r.toString());
        assertTrue(r.record().isEmpty());
    }

    @Test
    void rejectsANonObjectDocument() {
        ValidationReport r = V.validate(Docs.utf8("[1,2]"));
        assertFalse(r.valid());
        assertTrue(r.errors().stream().anyMatch(i -> i.code().equals("EL-SCHEMA-TYPE")), r.toString());
    }

    // ---- semantic rules

    @Test
    void reportsATimestampThatNamesNoRealDate() {
        assertSingle(validate("minimal", r -> r.put("createdAt", "2026-02-30T09:30:00Z")), ErrorCode.SEM_TIMESTAMP,
                "/createdAt");
    }

    @Test
    void reportsARangeWhoseMinExceedsItsMax() {
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/metrics/0/range").put("min", 2)),
                ErrorCode.SEM_RANGE_ORDER, "/results/0/metrics/0/range");
    }

    @Test
    void reportsAValueOutsideItsRange() {
        assertSingle(validate("extensions", r -> Docs.at(r, "/results/0/metrics/3").put("value", -2)),
                ErrorCode.SEM_VALUE_OUT_OF_RANGE, "/results/0/metrics/3/value");
    }

    @Test
    void reportsAProportionAboveOne() {
        assertSingle(validate("minimal", r -> metric0(r).put("value", 43.76)), ErrorCode.SEM_UNIT_BOUNDS,
                "/results/0/metrics/0/value");
    }

    @Test
    void reportsAPercentageAboveHundredUnlessTheRangeAllowsIt() {
        assertSingle(validate("minimal", r -> metric0(r).put("value", 143.7).put("unit", "percent")),
                ErrorCode.SEM_UNIT_BOUNDS, "/results/0/metrics/0/value");
        ValidationReport allowed = validate("minimal", r -> {
            metric0(r).put("value", 143.7).put("unit", "percent");
            metric0(r).putObject("range").put("max", 200);
        });
        assertTrue(allowed.valid(), allowed.toString());
    }

    @Test
    void acceptsNegativeValuesForOtherUnits() {
        assertTrue(validate("minimal", r -> metric0(r).put("value", -3.5).put("unit", "other")).valid());
    }

    @Test
    void reportsAConfidenceIntervalThatDoesNotContainTheValue() {
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/metrics/0/confidenceInterval").put("upper", 0.55)),
                ErrorCode.SEM_CONFIDENCE_INTERVAL, "/results/0/metrics/0/confidenceInterval");
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/metrics/0/confidenceInterval").put("lower", 0.7)),
                ErrorCode.SEM_CONFIDENCE_INTERVAL, "/results/0/metrics/0/confidenceInterval");
    }

    @Test
    void reportsMoreSamplesEvaluatedThanExist() {
        ValidationReport r = validate("full", t -> Docs.at(t, "/results/0/task/samples").put("evaluated", 1320));
        // n (1319) now differs from samples.evaluated as well: a warning beside the error
        assertEquals(List.of("EL-SEM-SAMPLES /results/0/task/samples/evaluated", "EL-SEM-N-MISMATCH /results/0/metrics/0/n"),
                r.issues().stream().map(i -> i.code() + " " + i.pointer()).toList());
        assertFalse(r.valid());
    }

    @Test
    void reportsDuplicateMetricIdsWithinAResult() {
        assertSingle(validate("multi-result", r -> Docs.at(r, "/results/5/metrics/1").put("id", "word_perplexity")),
                ErrorCode.SEM_DUPLICATE_METRIC, "/results/5/metrics/1/id");
    }

    /** Few metrics are compared with the earlier ones, many go through a set: both report every repeat, in order. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 16, 17, 40})
    void reportsEveryRepeatedMetricIdInResultsOfFewAndOfManyMetrics(int count) {
        ValidationReport r = validate("multi-result", root -> {
            tools.jackson.databind.node.ArrayNode metrics = (tools.jackson.databind.node.ArrayNode) root.get("results").get(5).get("metrics");
            ObjectNode first = (ObjectNode) metrics.get(0);
            metrics.removeAll();
            for (int i = 0; i < count; i++) {
                ObjectNode m = first.deepCopy();
                m.put("id", i >= count - 2 ? "m0" : "m" + i); // the last two repeat the first
                metrics.add(m);
            }
        });
        assertEquals(List.of(ErrorCode.SEM_DUPLICATE_METRIC.code() + " /results/5/metrics/" + (count - 2) + "/id",
                ErrorCode.SEM_DUPLICATE_METRIC.code() + " /results/5/metrics/" + (count - 1) + "/id"),
                r.issues().stream().map(i -> i.code() + " " + i.pointer()).toList(), r.toString());
    }

    @Test
    void warnsWhenNDiffersFromSamplesEvaluated() {
        ValidationReport r = validate("full", t -> metric0(t).put("n", 541));
        assertSingle(r, ErrorCode.SEM_N_MISMATCH, "/results/0/metrics/0/n");
        assertTrue(r.valid(), "a warning does not invalidate");
    }

    @Test
    void reportsATemplateHashThatDoesNotMatchTheTemplate() {
        assertSingle(validate("full", r -> Docs.at(r, "/results/0/task/prompt").put("template", "Q: {{question}}\nA:")),
                ErrorCode.SEM_TEMPLATE_HASH, "/results/0/task/prompt/templateSha256");
    }

    @Test
    void warnsWhenCreatedAtLiesMoreThanFiveMinutesAhead() {
        assertSingle(validate("minimal", r -> r.put("createdAt", "2026-11-22T00:05:01Z")),
                ErrorCode.SEM_CREATED_IN_FUTURE, "/createdAt");
        assertEquals(List.of(), validate("minimal", r -> r.put("createdAt", "2026-11-22T00:05:00Z")).issues());
    }

    // ---- parse failures come back as issues, never as exceptions

    @Test
    void returnsParseFailuresAsASingleIssue() {
        ValidationReport r = V.validate(Docs.utf8("{\"schema\": 1, \"schema\": 2}"));
        assertEquals(List.of("EL-PARSE-DUPLICATE-KEY"), r.issues().stream().map(Issue::code).toList());
        assertTrue(r.record().isEmpty());
        assertTrue(r.digest().isEmpty());
    }

    @Test
    void validatesRecordsBuiltInCode() {
        org.evalledger.core.EvaluationRecord record = RecordCodec.standard().read(Golden.json("full"));
        assertTrue(V.validate(record).valid());
        org.evalledger.core.Result first = record.results().get(0);
        org.evalledger.core.Result tooMany = new org.evalledger.core.Result(
                first.task().toBuilder().samples(new org.evalledger.core.Task.Samples(10L, 11)).build(),
                first.metrics(), first.artifacts());
        ValidationReport r = V.validate(record.toBuilder().results(List.of(tooMany)).build());
        assertTrue(r.errors().stream().anyMatch(i -> i.code().equals("EL-SEM-SAMPLES")), r.toString());
    }
}
