package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Round-trip and tamper properties of the codec and the digest over generated records. */
class RecordPropertiesTest {
    private static final RecordCodec CODEC = RecordCodec.standard();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String SYNTAX = "{}[]\",:0-eE.\\u";

    @Provide
    Arbitrary<EvaluationRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
                .withCharRange('a', 'z').withChars('é', '€', '"', '\\', '\n', 'ü');
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.', '-', '0', '9')
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.of(0.0, 1.0, 5e-324, 1e21, 0.1, 1e-7));
        Arbitrary<Metric> metric = Combinators.combine(ids, values, Arbitraries.of(true, false),
                Arbitraries.longs().between(1, 100_000).injectNull(0.5))
                .as((id, v, hib, n) -> Metric.builder(id, v, hib).unit(MetricUnit.OTHER).n(n).build());
        Arbitrary<Result> result = Combinators.combine(ids, metric.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 25).injectNull(0.3), text.injectNull(0.5))
                .as((b, ms, shots, filter) -> Result.of(Task.builder(b).fewShot(shots).filter(filter).build(), ms));
        Arbitrary<Map<String, JsonValue>> ext = Arbitraries.maps(text.map(t -> "org.example." + t),
                Arbitraries.oneOf(text.map(JsonValue.JsonString::new), values.map(JsonValue.JsonNumber::new),
                        Arbitraries.just(JsonValue.JsonNull.INSTANCE))).ofMaxSize(3);
        return Combinators.combine(ids, text, result.list().ofMinSize(1).ofMaxSize(5), ext,
                Arbitraries.longs().between(0, 4_000_000_000L))
                .as((rid, model, results, extensions, seconds) -> EvaluationRecord.builder()
                        .recordId("r:" + rid)
                        .createdAt(Timestamp.of(java.time.Instant.ofEpochSecond(seconds)))
                        .model(Model.of("org/" + model))
                        .producer(Producer.of("p " + model, Relationship.THIRD_PARTY, SourceType.EVALUATION_RUN))
                        .results(results)
                        .extensions(extensions)
                        .build());
    }

    @Property(tries = 200)
    void writtenRecordsReadBackEqualWithTheSameDigest(@ForAll("records") EvaluationRecord record) {
        EvaluationRecord back = CODEC.read(CODEC.write(record));
        assertEquals(record, back);
        assertEquals(CODEC.digest(record), CODEC.digest(back));
    }

    @Property(tries = 200)
    void canonicalBytesAreAFixedPointOfCanonicalisation(@ForAll("records") EvaluationRecord record) {
        byte[] canonical = CODEC.canonical(record);
        assertArrayEquals(canonical, CanonicalJson.canonicalize(canonical));
        assertArrayEquals(canonical, CanonicalJson.canonicalize(CODEC.write(record)));
    }

    @Property(tries = 200)
    void validatingTheCanonicalBytesAsReadGivesTheRecordAndItsDigest(@ForAll("records") EvaluationRecord record) {
        // the validator takes the digest from canonical bytes it has read when the record maps back to them
        byte[] canonical = CODEC.canonical(record);
        StrictJson.Document read = StrictJson.read(canonical, ParseLimits.DEFAULT);
        assertTrue(read.canonical());
        RecordValidator validator = RecordValidator.standard()
                .withClock(java.time.Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        ValidationReport report = validator.validate(read);
        ValidationReport fromValue = validator.validate(read.value());
        assertEquals(fromValue.issues(), report.issues());
        assertEquals(fromValue.record(), report.record());
        assertEquals(fromValue.digest(), report.digest());
        report.record().ifPresent(r -> assertEquals(CODEC.digest(r), report.digest().orElseThrow()));
    }

    @Property(tries = 100)
    void digestIgnoresMemberOrder(@ForAll("records") EvaluationRecord record, @ForAll long seed) {
        JsonNode shuffled = shuffle(MAPPER.readTree(CODEC.write(record)), new Random(seed));
        assertEquals(CODEC.digest(record), CODEC.digest(CODEC.read(Docs.bytes(shuffled))));
    }

    @Property(tries = 200)
    void changingAnyMetricValueChangesTheDigest(@ForAll("records") EvaluationRecord record, @ForAll double delta) {
        Metric m = record.results().get(0).metrics().get(0);
        double changed = m.value() + (delta == 0 || !Double.isFinite(delta) ? 1 : delta);
        if (changed == m.value() || !Double.isFinite(changed)) {
            changed = m.value() == 0 ? 1 : -m.value();
        }
        List<Metric> metrics = new ArrayList<>(record.results().get(0).metrics());
        metrics.set(0, Metric.builder(m.id(), changed, m.higherIsBetter()).unit(m.unit()).n(m.n()).build());
        List<Result> results = new ArrayList<>(record.results());
        results.set(0, Result.of(record.results().get(0).task(), metrics));
        assertNotEquals(CODEC.digest(record), CODEC.digest(record.toBuilder().results(results).build()));
    }

    /** Changes one leaf (any string, number or boolean anywhere in the record) and checks the digest moves. */
    @Property(tries = 300)
    void anySingleChangedValueChangesTheDigest(@ForAll("records") EvaluationRecord record, @ForAll long seed) {
        JsonNode tree = MAPPER.readTree(CODEC.write(record));
        List<JsonNode> parents = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        collectLeaves(tree, parents, keys);
        Random random = new Random(seed);
        int i = random.nextInt(keys.size());
        JsonNode parent = parents.get(i);
        Object key = keys.get(i);
        JsonNode leaf = key instanceof String k ? parent.get(k) : parent.get((Integer) key);
        JsonNode changed;
        if (leaf.isString()) {
            String v = leaf.stringValue();
            changed = MAPPER.getNodeFactory().stringNode(v.equals("https://evalledger.org/schemas/record/v1") ? v + "x"
                    : v.isEmpty() ? "a" : v.substring(0, v.length() - 1) + (v.endsWith("a") ? "b" : "a"));
        } else if (leaf.isNull()) {
            changed = MAPPER.getNodeFactory().stringNode("was null");
        } else if (leaf.isBoolean()) {
            changed = MAPPER.getNodeFactory().booleanNode(!leaf.booleanValue());
        } else if (leaf.isIntegralNumber()) {
            changed = MAPPER.getNodeFactory().numberNode(leaf.longValue() + 1);
        } else {
            double d = leaf.doubleValue();
            double next = Math.nextUp(d);
            changed = MAPPER.getNodeFactory().numberNode(next);
        }
        if (key instanceof String k) {
            ((ObjectNode) parent).set(k, changed);
        } else {
            ((tools.jackson.databind.node.ArrayNode) parent).set((Integer) key, changed);
        }
        EvaluationRecord other;
        try {
            other = CODEC.read(Docs.bytes(tree));
        } catch (RecordFormatException notARecordAnyMore) {
            return; // e.g. a changed enum value: no longer a record, so it has no digest to collide
        }
        assertNotEquals(CODEC.digest(record), CODEC.digest(other), "changed " + key + " of " + parent);
    }

    private static void collectLeaves(JsonNode node, List<JsonNode> parents, List<Object> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isContainer()) {
                    collectLeaves(e.getValue(), parents, keys);
                } else {
                    parents.add(node);
                    keys.add(e.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainer()) {
                    collectLeaves(node.get(i), parents, keys);
                } else {
                    parents.add(node);
                    keys.add(i);
                }
            }
        }
    }

    @Property(tries = 300)
    void readAndValidateNeverThrowAnythingButRecordFormatException(@ForAll("records") EvaluationRecord record,
            @ForAll long seed) {
        byte[] doc = CODEC.write(record);
        Random random = new Random(seed);
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            int at = random.nextInt(doc.length);
            switch (random.nextInt(3)) {
                case 0 -> doc[at] = (byte) random.nextInt(256);
                case 1 -> doc = java.util.Arrays.copyOf(doc, at); // truncate
                default -> doc[at] = (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()));
            }
            if (doc.length == 0) {
                break;
            }
        }
        try {
            CODEC.read(doc);
        } catch (RecordFormatException expected) {
            assertTrue(expected.code().startsWith("EL-"));
        }
        ValidationReport report = RecordValidator.standard().validate(doc);
        assertTrue(report.valid() || !report.errors().isEmpty());
    }

    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            Collections.shuffle(entries, random);
            ObjectNode out = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : entries) {
                out.set(e.getKey(), shuffle(e.getValue(), random));
            }
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            node.forEach(item -> out.add(shuffle(item, random)));
            return out;
        }
        return node;
    }
}
