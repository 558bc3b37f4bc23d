package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.TreeMapper;
import org.evalledger.schema.internal.json.Jcs;

/**
 * {@link TreeMapper#toRecordChecked}'s {@code writesBack} is exactly {@code toValue(record).equals(tree)},
 * the comparison it replaces on the validator's path: over the golden documents and generated
 * records, each changed at random (members added with values of every kind, replaced, removed, reordered),
 * for every tree the mapping accepts. And the validator's digest, taken from the bytes read when
 * the mapping says so, is always the record's own digest.
 */
class TreeMapperWritesBackTest {
    private static final RecordValidator VALIDATOR = RecordValidator.standard()
            .withClock(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** Names the changes add: every member name of the golden documents, and some no object has. */
    private static final List<String> NAMES = names();

    /** Values the changes put in: empty and non-empty arrays and objects, every kind of leaf, -0. */
    private static final List<JsonValue> VALUES = List.of(
            new JsonValue.JsonArray(List.of()),
            JsonValue.JsonObject.builder().build(),
            new JsonValue.JsonArray(List.of(new JsonValue.JsonString("mmlu"))),
            JsonValue.JsonObject.builder().put("k", new JsonValue.JsonString("v")).build(),
            JsonValue.JsonObject.builder().put("k", new JsonValue.JsonNumber(1)).build(),
            new JsonValue.JsonString("auto"),
            new JsonValue.JsonString("other"),
            new JsonValue.JsonString("finetune"),
            new JsonValue.JsonString("2026-01-01T00:00:00Z"),
            new JsonValue.JsonString(EvaluationRecord.SCHEMA_V1),
            new JsonValue.JsonNumber(0),
            new JsonValue.JsonNumber(-0.0),
            new JsonValue.JsonNumber(3),
            new JsonValue.JsonNumber(0.25),
            new JsonValue.JsonBoolean(true),
            new JsonValue.JsonBoolean(false),
            JsonValue.JsonNull.INSTANCE);

    @Provide
    Arbitrary<JsonValue> trees() {
        List<JsonValue> golden = Golden.NAMES.stream()
                .map(n -> StrictJson.read(Golden.json(n), ParseLimits.DEFAULT).value()).toList();
        return Arbitraries.oneOf(Arbitraries.of(golden), new RecordPropertiesTest().records().map(TreeMapper::toValue));
    }

    @Property(tries = 3000)
    void writesBackIsWhetherTheRecordsValueIsTheTree(@ForAll("trees") JsonValue tree, @ForAll long seed) {
        JsonValue changed = change(tree, new Random(seed));
        TreeMapper.Mapped mapped;
        try {
            mapped = TreeMapper.toRecordChecked(changed);
        } catch (RuntimeException e) {
            Statistics.label("mapped").collect(false);
            return; // not a tree the mapping accepts (the schema would have refused it first)
        }
        boolean same = TreeMapper.toValue(mapped.record()).equals(changed);
        Statistics.label("mapped").collect(true);
        Statistics.label("writes back").collect(same);
        assertEquals(same, mapped.writesBack(), () -> "writesBack of " + new String(Jcs.canonicalize(changed), StandardCharsets.UTF_8));
    }

    @Property(tries = 1500)
    void theValidatorsDigestIsTheRecordsDigest(@ForAll("trees") JsonValue tree, @ForAll long seed) {
        JsonValue changed = change(tree, new Random(seed));
        ValidationReport fromBytes = VALIDATOR.validate(StrictJson.read(Jcs.canonicalize(changed), ParseLimits.DEFAULT));
        ValidationReport fromValue = VALIDATOR.validate(changed);
        Statistics.label("valid").collect(fromBytes.valid());
        // (the two records may differ where the tree holds -0, which canonical bytes write as 0)
        fromBytes.record().ifPresent(r -> assertEquals(RecordCodec.standard().digest(r), fromBytes.digest().orElseThrow(),
                "digest from the canonical bytes"));
        fromValue.record().ifPresent(r -> assertEquals(RecordCodec.standard().digest(r), fromValue.digest().orElseThrow(),
                "digest from the value"));
    }

    @Example
    void whatTheRecordLeavesOutOrChangesIsNotWrittenBack() {
        JsonValue full = StrictJson.read(Golden.json("full"), ParseLimits.DEFAULT).value();
        assertEquals(true, TreeMapper.toRecordChecked(full).writesBack());
        JsonValue emptyStop = at(full, List.of("results", 0, "task", "generation"),
                g -> with(g, "stop", new JsonValue.JsonArray(List.of())));
        assertEquals(false, TreeMapper.toRecordChecked(emptyStop).writesBack());
        JsonValue unknown = with(full, "unknownMember", new JsonValue.JsonString("x"));
        assertEquals(false, TreeMapper.toRecordChecked(unknown).writesBack());
        JsonValue negativeZero = at(full, List.of("results", 0, "task"), t -> with(t, "fewShot", new JsonValue.JsonNumber(-0.0)));
        assertEquals(false, TreeMapper.toRecordChecked(negativeZero).writesBack());
        JsonValue otherBatchSize = at(full, List.of("environment"), e -> with(e, "batchSize", new JsonValue.JsonString("max")));
        assertEquals(false, TreeMapper.toRecordChecked(otherBatchSize).writesBack()); // read as auto, written "auto"
        JsonValue otherSchema = with(full, "schema", new JsonValue.JsonString("https://example.org/other"));
        assertEquals(false, TreeMapper.toRecordChecked(otherSchema).writesBack());
        JsonValue emptyEngineless = at(full, List.of("model"), m -> with(m, "inference", JsonValue.JsonObject.builder().build()));
        assertEquals(true, TreeMapper.toRecordChecked(emptyEngineless).writesBack()); // an empty inference is written back
    }

    // ------------------------------------------------------------------ random changes

    /** None to two changes, each at an object of the tree picked at random. */
    private static JsonValue change(JsonValue tree, Random random) {
        JsonValue out = tree;
        int changes = random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            List<List<Object>> objects = new ArrayList<>();
            collectObjects(out, new ArrayList<>(), objects);
            List<Object> path = objects.get(random.nextInt(objects.size()));
            out = at(out, path, o -> changeObject((JsonValue.JsonObject) o, random));
        }
        return out;
    }

    private static JsonValue changeObject(JsonValue.JsonObject o, Random random) {
        List<String> present = new ArrayList<>(o.members().keySet());
        int kind = random.nextInt(5);
        if (kind == 4) { // the same members in another order
            Collections.shuffle(present, random);
            JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
            present.forEach(k -> b.put(k, o.members().get(k)));
            return b.build();
        }
        if (kind == 0 && !present.isEmpty()) { // remove a member
            String gone = present.get(random.nextInt(present.size()));
            JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
            o.members().forEach((k, v) -> {
                if (!k.equals(gone)) {
                    b.put(k, v);
                }
            });
            return b.build();
        }
        if (kind == 1 && !present.isEmpty()) { // replace one, half the time by a value of its own kind
            String name = present.get(random.nextInt(present.size()));
            List<JsonValue> kin = kin(o.members().get(name));
            return with(o, name, random.nextBoolean() && !kin.isEmpty() ? kin.get(random.nextInt(kin.size()))
                    : VALUES.get(random.nextInt(VALUES.size())));
        }
        return with(o, NAMES.get(random.nextInt(NAMES.size())), VALUES.get(random.nextInt(VALUES.size()))); // add or replace by name
    }

    /** The values of {@link #VALUES} of the same JSON type as this one. */
    private static List<JsonValue> kin(JsonValue v) {
        return VALUES.stream().filter(x -> x.getClass() == v.getClass()).toList();
    }

    private static JsonValue with(JsonValue object, String name, JsonValue value) {
        Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.JsonObject) object).members());
        m.put(name, value);
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
        m.forEach(b::put);
        return b.build();
    }

    /** The tree with the value at the path (member names and item indexes) replaced by f of it. */
    private static JsonValue at(JsonValue tree, List<Object> path, UnaryOperator<JsonValue> f) {
        if (path.isEmpty()) {
            return f.apply(tree);
        }
        Object step = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (step instanceof Integer i) {
            List<JsonValue> items = new ArrayList<>(((JsonValue.JsonArray) tree).items());
            items.set(i, at(items.get(i), rest, f));
            return new JsonValue.JsonArray(items);
        }
        String name = (String) step;
        return with(tree, name, at(((JsonValue.JsonObject) tree).members().get(name), rest, f));
    }

    private static void collectObjects(JsonValue v, List<Object> path, List<List<Object>> out) {
        if (v instanceof JsonValue.JsonObject o) {
            out.add(List.copyOf(path));
            o.members().forEach((k, x) -> {
                path.add(k);
                collectObjects(x, path, out);
                path.remove(path.size() - 1);
            });
        } else if (v instanceof JsonValue.JsonArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                path.add(i);
                collectObjects(a.items().get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>(List.of("unknownMember", "x-extra", "subtasks", "artifacts", "schema"));
        collectNames(StrictJson.read(Golden.json("full"), ParseLimits.DEFAULT).value(), out);
        return out.stream().distinct().toList();
    }

    private static void collectNames(JsonValue v, List<String> out) {
        if (v instanceof JsonValue.JsonObject o) {
            o.members().forEach((k, x) -> {
                out.add(k);
                collectNames(x, out);
            });
        } else if (v instanceof JsonValue.JsonArray a) {
            a.items().forEach(x -> collectNames(x, out));
        }
    }
}
