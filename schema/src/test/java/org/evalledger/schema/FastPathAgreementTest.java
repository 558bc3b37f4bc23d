package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.SchemaCheck;
import org.evalledger.schema.internal.TreeMapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast path of {@link SchemaCheck} (the compiled record-v1 schema) must accept exactly the
 * trees networknt finds no error in: on the golden corpus, on every document the other schema
 * tests build, and on thousands of random mutants of the golden records.
 */
class FastPathAgreementTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MUTANTS_PER_GOLDEN = 2500;
    private static final String ASTRAL = "\uD83D\uDE00";

    /** Edits from RecordValidatorTest and RecordCodecTest, named after the test that makes them. */
    private static Map<String, Consumer<ObjectNode>> validatorTestEdits() {
        Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
        m.put("missing-relationship", r -> Docs.at(r, "/producer").remove("relationship"));
        m.put("revison", r -> Docs.at(r, "/model").put("revison", "abc"));
        m.put("value-string", r -> Docs.at(r, "/results/0/metrics/0").put("value", "0.43"));
        m.put("offset", r -> r.put("createdAt", "2026-06-13T09:30:00+02:00"));
        m.put("arc-easy", r -> Docs.at(r, "/results/0/task").put("benchmark", "ARC Easy"));
        m.put("self", r -> Docs.at(r, "/producer").put("relationship", "self"));
        m.put("empty-name", r -> Docs.at(r, "/producer").put("name", ""));
        m.put("every-issue", r -> {
            r.remove("recordId");
            Docs.at(r, "/model").put("parameters", -5);
            Docs.at(r, "/results/0/metrics/0").put("higherIsBetter", "yes");
        });
        m.put("feb-30", r -> r.put("createdAt", "2026-02-30T09:30:00Z"));
        m.put("proportion-above-one", r -> Docs.at(r, "/results/0/metrics/0").put("value", 43.76));
        m.put("percent", r -> Docs.at(r, "/results/0/metrics/0").put("value", 143.7).put("unit", "percent"));
        m.put("range-max", r -> Docs.at(r, "/results/0/metrics/0").putObject("range").put("max", 200));
        m.put("negative-other", r -> Docs.at(r, "/results/0/metrics/0").put("value", -3.5).put("unit", "other"));
        m.put("future", r -> r.put("createdAt", "2026-11-22T00:05:01Z"));
        return m;
    }

    private static Map<String, byte[]> testDocuments() {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        for (String golden : Golden.NAMES) {
            docs.put(golden, Golden.json(golden));
            AjvCrossCheckTest.mutations().forEach((name, edit) -> docs.put(golden + "--" + name, Docs.edited(golden, edit)));
            validatorTestEdits().forEach((name, edit) -> docs.put(golden + "--" + name, edit(golden, edit)));
        }
        ObjectNode full = Docs.tree("full");
        Docs.at(full, "/results/0/task/samples").put("evaluated", 1320);
        docs.put("full--samples", Docs.bytes(full));
        full = Docs.tree("full");
        Docs.at(full, "/results/0/metrics/0/confidenceInterval").put("level", 95);
        docs.put("full--level-95", Docs.bytes(full));
        full = Docs.tree("full");
        Docs.at(full, "/results/0/metrics/0/range").put("min", 2);
        docs.put("full--range-min", Docs.bytes(full));
        docs.put("reordered", Docs.utf8("{\"results\":[{\"metrics\":[{\"higherIsBetter\":true,\"value\":0.4376,\"id\":\"acc\"}],"
                + "\"task\":{\"benchmark\":\"arc_easy\"}}],\"producer\":{\"sourceType\":\"evaluation_run\","
                + "\"relationship\":\"third_party\",\"name\":\"p\"},\"model\":{\"id\":\"m\"},"
                + "\"createdAt\":\"2026-06-13T09:30:00Z\",\"recordId\":\"r\",\"schema\":\"https://evalledger.org/schemas/record/v1\"}"));
        for (String other : List.of("[1,2]", "1", "\"x\"", "null", "true", "{}", "{\"schema\":\"https://evalledger.org/schemas/record/v1\"}")) {
            docs.put(other, Docs.utf8(other));
        }
        return docs;
    }

    /** An edit that may not apply to every golden record (a path it lacks): then the record unchanged. */
    private static byte[] edit(String golden, Consumer<ObjectNode> edit) {
        ObjectNode root = Docs.tree(golden);
        try {
            edit.accept(root);
        } catch (RuntimeException e) {
            return Golden.json(golden);
        }
        return Docs.bytes(root);
    }

    @Test
    void agreesOnTheGoldenCorpusAndEveryDocumentOfTheSchemaTests() {
        int valid = 0;
        int trees = 0;
        for (Map.Entry<String, byte[]> doc : testDocuments().entrySet()) {
            JsonValue value = Documents.parseValue(doc.getValue(), ParseLimits.DEFAULT);
            // networknt checks the reader's tree of the bytes, or the canonical tree of the value
            for (JsonNode tree : List.of(Documents.parse(doc.getValue(), ParseLimits.DEFAULT), TreeMapper.toCanonicalTree(value))) {
                boolean networknt = networkntValid(tree);
                assertEquals(networknt, SchemaCheck.fastPathConforms(value), doc.getKey());
                // and the whole check answers as networknt alone does, issue for issue
                assertEquals(SchemaCheck.checkWithNetworknt(tree), SchemaCheck.check(value, () -> tree), doc.getKey());
                valid += networknt ? 1 : 0;
                trees++;
            }
        }
        for (String golden : Golden.NAMES) {
            assertTrue(SchemaCheck.fastPathConforms(Documents.parseValue(Golden.json(golden), ParseLimits.DEFAULT)), golden);
        }
        System.out.println("FastPathAgreementTest: " + trees + " trees of test documents, " + valid + " valid");
        assertTrue(trees > 200 && valid > 20 && trees - valid > 100, trees + " trees, " + valid + " valid");
    }

    @Test
    void agreesOnThousandsOfRandomMutantsOfTheGoldenRecords() {
        Pool pool = new Pool();
        int valid = 0;
        int total = 0;
        Map<Integer, Integer> byDepth = new TreeMap<>();
        int deepest = 0;
        for (int g = 0; g < Golden.NAMES.size(); g++) {
            String golden = Golden.NAMES.get(g);
            deepest = Math.max(deepest, depth(Docs.tree(golden)));
            long seed = 0x5EED_0000L + g;
            Random random = new Random(seed);
            for (int i = 0; i < MUTANTS_PER_GOLDEN; i++) {
                ObjectNode root = Docs.tree(golden);
                List<String> log = new ArrayList<>();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int d = mutate(root, random, pool, log);
                    byDepth.merge(d, 1, Integer::sum);
                }
                byte[] bytes = Docs.bytes(root);
                String where = "golden " + golden + ", seed " + seed + ", mutant " + i + ": " + log + "\n"
                        + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                JsonNode strict = strictlyParsed(bytes); // the production parser's node types
                if (strict == null) {
                    continue; // the reader refuses the bytes (1E+400): nothing to check
                }
                JsonValue value = Documents.parseValue(bytes, ParseLimits.DEFAULT);
                boolean networknt = networkntValid(strict);
                assertEquals(networknt, SchemaCheck.fastPathConforms(value), "strictly parsed, " + where);
                assertEquals(networkntValid(TreeMapper.toCanonicalTree(value)), networknt, "canonical tree, " + where);
                valid += networknt ? 1 : 0;
                total++;
            }
        }
        System.out.println("FastPathAgreementTest: " + total + " mutants, " + valid + " valid; mutations by depth " + byDepth);
        // both verdicts well represented, and mutations at every depth of the records
        assertTrue(valid > total / 10 && valid < total * 9 / 10, valid + " of " + total + " mutants valid");
        for (int d = 1; d <= deepest; d++) {
            assertTrue(byDepth.getOrDefault(d, 0) >= 50, "too few mutations at depth " + d + ": " + byDepth);
        }
    }

    /** The tree production would check, or null if the strict parser refuses the bytes (1E+400). */
    private static @Nullable JsonNode strictlyParsed(byte[] bytes) {
        try {
            return Documents.parse(bytes, ParseLimits.DEFAULT);
        } catch (RecordFormatException e) {
            return null;
        }
    }

    /** networknt's verdict; an exception (it throws on some huge integers) counts as "not valid". */
    private static boolean networkntValid(JsonNode tree) {
        try {
            return SchemaCheck.networkntFindsNoError(tree);
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- mutations

    /** A place in a tree: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index, int depth) {
        JsonNode get() {
            return parent.isObject() ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent.isObject()) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent.isObject()) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void slots(JsonNode node, int depth, List<Slot> out) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                out.add(new Slot(node, name, -1, depth + 1));
                slots(node.get(name), depth + 1, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i, depth + 1));
                slots(node.get(i), depth + 1, out);
            }
        }
    }

    private static int depth(JsonNode node) {
        int max = 0;
        for (JsonNode child : node.isContainer() ? node.values() : List.<JsonNode>of()) {
            max = Math.max(max, 1 + depth(child));
        }
        return max;
    }

    /** Applies one random mutation; returns the depth of the place it changed (0: the root). */
    private static int mutate(ObjectNode root, Random random, Pool pool, List<String> log) {
        List<Slot> slots = new ArrayList<>();
        slots(root, 0, slots);
        if (slots.isEmpty() || random.nextInt(20) == 0) {
            addMember(root, random, pool, log, "/");
            return 0;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = slot.get();
        String at = slot.parent().isObject() ? slot.name() : "[" + slot.index() + "]";
        switch (random.nextInt(9)) {
            case 0 -> {
                slot.remove();
                log.add("delete " + at);
            }
            case 1 -> {
                JsonNode v = pool.any(random);
                slot.set(v);
                log.add(at + " = " + v);
            }
            case 2 -> {
                JsonNode v = slots.get(random.nextInt(slots.size())).get().deepCopy();
                slot.set(v);
                log.add(at + " = copy " + shorten(v));
            }
            case 3, 4 -> {
                JsonNode v = value.isNumber() ? pool.nearNumber(value, random)
                        : value.isString() ? pool.nearString(value.stringValue(), random) : pool.any(random);
                slot.set(v);
                log.add(at + " ~ " + v);
            }
            case 5 -> {
                if (value.isObject()) {
                    addMember((ObjectNode) value, random, pool, log, at);
                } else if (value.isArray() && !value.isEmpty()) {
                    ((ArrayNode) value).add(value.get(random.nextInt(value.size())).deepCopy());
                    log.add(at + " += duplicate element");
                } else {
                    slot.set(pool.any(random));
                    log.add(at + " = pool");
                }
            }
            case 6 -> {
                JsonNode v = value.isObject() ? F.objectNode() : value.isArray() ? F.arrayNode() : F.stringNode("");
                slot.set(v);
                log.add(at + " emptied");
            }
            case 7 -> {
                JsonNode v = pool.otherType(value, random);
                slot.set(v);
                log.add(at + " retyped " + v);
            }
            default -> {
                JsonNode v = value.isNumber() ? pool.nearNumber(value, random) : pool.forName(slot.name(), random);
                slot.set(v);
                log.add(at + " := " + v);
            }
        }
        return slot.depth();
    }

    private static void addMember(ObjectNode object, Random random, Pool pool, List<String> log, String at) {
        String name = random.nextInt(4) == 0 ? "unknownMember" : pool.names.get(random.nextInt(pool.names.size()));
        JsonNode v = random.nextBoolean() ? pool.forName(name, random) : pool.any(random);
        object.set(name, v);
        log.add(at + " + " + name + ": " + shorten(v));
    }

    private static String shorten(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Values to mutate with: near the schema's limits, its enumerations and its patterns. */
    private static final class Pool {
        final List<String> names;
        final List<String> enumValues;
        final List<JsonNode> values = new ArrayList<>();
        /** For each member name in the schema, values seen for it in the golden records. */
        final Map<String, List<JsonNode>> seen = new LinkedHashMap<>();

        Pool() {
            JsonNode schema = MAPPER.readTree(RecordSchema.bytes());
            Set<String> n = new LinkedHashSet<>();
            Set<String> e = new LinkedHashSet<>();
            collect(schema, n, e);
            names = List.copyOf(n);
            enumValues = List.copyOf(e);
            for (String golden : Golden.NAMES) {
                remember(Docs.tree(golden));
            }
            long[] longs = {0, 1, -1, 2, 5, 2147483647L, 2147483648L, -2147483648L, 9007199254740991L, 9007199254740992L,
                -9007199254740991L, -9007199254740992L, Long.MAX_VALUE, Long.MIN_VALUE};
            for (long l : longs) {
                values.add(F.numberNode(l));
            }
            double[] doubles = {0.0, -0.0, 1.0, 0.5, 1.5, -0.5, 0.95, 5.0, 1e-7, 4.9e-324, 0.9999999999999999, 2147483647.0,
                2147483648.0, 9.007199254740991E15, 9.007199254740992E15, 1e19, 1e300, -1e300, 43.76};
            for (double d : doubles) {
                values.add(F.numberNode(d));
            }
            values.add(F.numberNode(new BigInteger("18446744073709551616")));
            values.add(F.numberNode(new BigDecimal("1.000")));
            values.add(F.numberNode(new BigDecimal("0.50")));
            values.add(F.numberNode(new BigDecimal("1E+400")));
            for (String s : List.of("", "a", ASTRAL, ASTRAL + ASTRAL, "auto", "Auto", "auto ", "large", "0.5", "true",
                    "2026-06-13T09:30:00Z", "2026-06-13T09:30:00.123456789Z", "2026-06-13T09:30:00.1234567890Z",
                    "2026-06-13T09:30:00Z\n", "2026-06-13T09:30:00+00:00", "2026-06-13 09:30:00Z", "mmlu", "MMLU", "arc easy",
                    "a".repeat(256), "a".repeat(257), "a".repeat(255) + ASTRAL, "0".repeat(64), "A".repeat(64), "0".repeat(63),
                    "sha256:" + "0".repeat(64), "sha256:" + "0".repeat(65), "r:1", "r 1", "x".repeat(300))) {
                values.add(F.stringNode(s));
            }
            for (String s : enumValues) {
                values.add(F.stringNode(s));
                values.add(F.stringNode(s.toUpperCase(Locale.ROOT)));
                values.add(F.stringNode(s + " "));
            }
            values.add(F.booleanNode(true));
            values.add(F.booleanNode(false));
            values.add(F.nullNode());
            values.add(F.objectNode());
            values.add(F.arrayNode());
            values.add(F.arrayNode().add("a"));
            values.add(F.objectNode().put("name", "x"));
        }

        private static void collect(JsonNode schema, Set<String> names, Set<String> enums) {
            if (schema.isObject()) {
                JsonNode properties = schema.get("properties");
                if (properties != null) {
                    names.addAll(properties.propertyNames());
                }
                for (String k : List.of("enum", "const")) {
                    JsonNode v = schema.get(k);
                    if (v != null) {
                        for (JsonNode x : v.isArray() ? v.values() : List.of(v)) {
                            enums.add(x.stringValue());
                        }
                    }
                }
            }
            if (schema.isContainer()) {
                for (JsonNode child : schema.values()) {
                    collect(child, names, enums);
                }
            }
        }

        private void remember(JsonNode node) {
            if (node.isObject()) {
                for (String name : node.propertyNames()) {
                    seen.computeIfAbsent(name, k -> new ArrayList<>()).add(node.get(name).deepCopy());
                    remember(node.get(name));
                }
            } else if (node.isArray()) {
                node.values().forEach(this::remember);
            }
        }

        JsonNode any(Random random) {
            return values.get(random.nextInt(values.size())).deepCopy();
        }

        /** A value seen under that name in a golden record, often tweaked; else any value. */
        JsonNode forName(String name, Random random) {
            List<JsonNode> known = name == null ? null : seen.get(name);
            if (known == null || random.nextInt(5) == 0) {
                return any(random);
            }
            JsonNode v = known.get(random.nextInt(known.size())).deepCopy();
            if (random.nextBoolean()) {
                return v;
            }
            return v.isNumber() ? nearNumber(v, random) : v.isString() ? nearString(v.stringValue(), random) : v;
        }

        JsonNode nearNumber(JsonNode v, Random random) {
            BigDecimal d = v.decimalValue();
            return switch (random.nextInt(10)) {
                case 0 -> F.numberNode(d.add(BigDecimal.ONE));
                case 1 -> F.numberNode(d.subtract(BigDecimal.ONE));
                case 2 -> F.numberNode(d.negate());
                case 3 -> F.numberNode(v.doubleValue() + 0.5);
                case 4 -> F.numberNode(Math.rint(v.doubleValue())); // a whole number as a double: 5 -> 5.0
                case 5 -> F.numberNode(d.setScale(Math.max(d.scale(), 0) + 2)); // trailing zeros: 5 -> 5.00
                case 6 -> v.isIntegralNumber() ? F.numberNode(v.longValue() * 1000) : F.numberNode(v.doubleValue() / 1000);
                case 7 -> F.numberNode(0);
                case 8 -> F.numberNode(v.doubleValue() * 1e15);
                default -> any(random);
            };
        }

        JsonNode nearString(String s, Random random) {
            String t = switch (random.nextInt(11)) {
                case 0 -> s + "x";
                case 1 -> s.isEmpty() ? s : s.substring(0, s.length() - 1);
                case 2 -> s + "\n";
                case 3 -> " " + s;
                case 4 -> s.toUpperCase(Locale.ROOT);
                case 5 -> s.isEmpty() ? ASTRAL : ASTRAL + s.substring(1);
                case 6 -> s.replace('0', '9').replace('a', 'b');
                case 7 -> s.replace('-', '_');
                case 8 -> s.repeat(1 + 256 / Math.max(1, s.length()));
                case 9 -> enumValues.get(random.nextInt(enumValues.size()));
                default -> "";
            };
            return F.stringNode(t);
        }

        JsonNode otherType(JsonNode v, Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> v.isString() ? F.numberNode(1) : F.stringNode(v.toString());
                case 1 -> v.isBoolean() ? F.nullNode() : F.booleanNode(true);
                case 2 -> v.isNull() ? F.booleanNode(false) : F.nullNode();
                case 3 -> F.arrayNode().add(v.deepCopy());
                case 4 -> F.objectNode().set("v", v.deepCopy());
                default -> v.isNumber() ? F.stringNode(v.asString()) : F.numberNode(1.0);
            };
        }
    }
}
