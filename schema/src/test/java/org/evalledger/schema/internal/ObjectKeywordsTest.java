package org.evalledger.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.json.StrictJsonReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compiled object keywords ({@code properties}, {@code required}, {@code
 * additionalProperties}, {@code minProperties}, {@code propertyNames}) answer as networknt does on
 * random object schemas and objects: names whose hash codes collide ("Aa", "BB", ...), the empty
 * name, astral names, objects of up to 14 members (core indexes those of more than 8), required
 * names repeated or not declared, and member values that make checks below decline (numbers of
 * 2^53 or more), also inside a {@code oneOf} of object schemas. The answer is the same for the
 * parser's objects and for objects made with the public constructor (another {@code Map}).
 */
class ObjectKeywordsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ASTRAL = "\uD83D\uDE00";
    private static final List<String> NAMES = List.of("a", "b", "c", "Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "x y",
            ASTRAL, "n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
    private static final List<String> VALUES = List.of("\"s\"", "\"\"", "1", "1.5", "-1", "0", "true", "null", "{}",
            "{\"a\":1}", "{\"a\":\"s\",\"b\":2}", "[]", "9007199254740993", "1e300");
    private static final List<String> SUBSCHEMAS = List.of("true", "true", "true", "{}", "{\"type\":[\"string\",\"number\"]}", "{\"type\":\"string\"}",
            "{\"type\":\"integer\"}", "{\"minLength\":1}", "false", "{\"maximum\":10}", "{\"enum\":[1,\"s\",null]}",
            "{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"integer\"}},\"additionalProperties\":false}",
            "{\"type\":\"object\",\"minProperties\":1}",
            "{\"oneOf\":[{\"type\":\"string\"},{\"maximum\":1e300}]}",
            "{\"oneOf\":[{\"required\":[\"a\"]},{\"properties\":{\"a\":{\"maximum\":5},\"b\":{\"type\":\"integer\"}}}]}");
    private static final List<String> ADDITIONAL = List.of("false", "true", "{\"type\":[\"string\",\"integer\"]}", "{\"maximum\":10}");
    private static final List<String> PROPERTY_NAMES = List.of("{\"minLength\":1}", "{\"maxLength\":2}",
            "{\"pattern\":\"^[a-c]+$\"}", "{\"pattern\":\"B\"}");

    @Property(tries = 1500)
    void objectKeywordsAnswerAsNetworkntDoes(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> declared = new ArrayList<>();
        List<String> required = new ArrayList<>();
        String schema = schema(random, declared, required);
        CompiledSchema compiled = CompiledSchema.compile(MAPPER.readTree(schema));
        for (int i = 0; i < 6; i++) {
            String instance = instance(random, declared, required);
            byte[] text = instance.getBytes(StandardCharsets.UTF_8);
            JsonValue value = StrictJsonReader.readValue(text, 1 << 20, 1 << 20);
            JsonNode tree = StrictJsonReader.read(text, 1 << 20, 1 << 20);
            boolean ours = compiled.conforms(value);
            assertEquals(ours, compiled.conforms(rebuilt(value)), () -> "another Map: " + schema + " " + instance);
            boolean theirs = CompiledSchemaTest.networkntValid(schema, tree);
            if (instance.contains("9007199254740993") || instance.contains("1e300")) {
                // a number that may have been rounded: declining may say no where networknt says yes, never the reverse
                assertTrue(theirs || !ours, () -> schema + " " + instance + ": compiled yes, networknt no");
            } else {
                assertEquals(theirs, ours, () -> schema + " " + instance);
            }
            if (i == 0) {
                Statistics.label("networknt valid").collect(theirs);
            }
        }
        Statistics.label("networknt valid").coverage(c -> {
            c.check(true).percentage(p -> p > 15);
            c.check(false).percentage(p -> p > 15);
        });
    }

    /** A random object schema; {@code declared} and {@code required} receive its property and required names. */
    private static String schema(Random random, List<String> declared, List<String> required) {
        StringBuilder b = new StringBuilder("{");
        List<String> parts = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            parts.add("\"type\":\"object\"");
        }
        int properties = random.nextInt(10);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < properties; i++) {
            names.add(pick(NAMES, random));
        }
        if (!names.isEmpty() || random.nextBoolean()) {
            List<String> ps = new ArrayList<>();
            for (String n : names) {
                ps.add(quote(n) + ":" + pick(SUBSCHEMAS, random));
            }
            parts.add("\"properties\":{" + String.join(",", ps) + "}");
        }
        declared.addAll(names);
        int requiredCount = random.nextInt(4);
        if (requiredCount > 0 || random.nextInt(4) == 0) {
            List<String> rs = new ArrayList<>();
            for (int i = 0; i < requiredCount; i++) {
                // mostly declared names, sometimes others, sometimes twice the same
                String name = !declared.isEmpty() && random.nextInt(4) > 0 ? pick(declared, random) : pick(NAMES, random);
                required.add(name);
                rs.add(quote(name));
            }
            parts.add("\"required\":[" + String.join(",", rs) + "]");
        }
        if (random.nextBoolean()) {
            parts.add("\"additionalProperties\":" + pick(ADDITIONAL, random));
        }
        if (random.nextInt(3) == 0) {
            parts.add("\"minProperties\":" + random.nextInt(4));
        }
        if (random.nextInt(4) == 0) {
            parts.add("\"propertyNames\":" + pick(PROPERTY_NAMES, random));
        }
        return b.append(String.join(",", parts)).append('}').toString();
    }

    /**
     * A random object, its members mostly declared, half the time with every required name; now
     * and then something else than an object.
     */
    private static String instance(Random random, List<String> declared, List<String> required) {
        if (random.nextInt(12) == 0) {
            return pick(VALUES, random);
        }
        int n = random.nextInt(4) == 0 ? random.nextInt(15) : random.nextInt(5);
        Map<String, String> members = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            for (String name : required) {
                members.put(name, pick(VALUES.subList(0, 4), random));
            }
        }
        for (int i = 0; i < n; i++) {
            String name = !declared.isEmpty() && random.nextInt(3) > 0 ? pick(declared, random) : pick(NAMES, random);
            members.put(name, random.nextInt(3) == 0 ? pick(VALUES, random) : pick(VALUES.subList(0, 4), random));
        }
        List<String> ms = new ArrayList<>();
        members.forEach((k, v) -> ms.add(quote(k) + ":" + v));
        return "{" + String.join(",", ms) + "}";
    }

    /** The same value with every object made by the public constructor (not the parser's members). */
    private static JsonValue rebuilt(JsonValue v) {
        if (v instanceof JsonValue.JsonObject o) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            o.members().forEach((k, x) -> m.put(k, rebuilt(x)));
            return new JsonValue.JsonObject(m);
        }
        if (v instanceof JsonValue.JsonArray a) {
            return new JsonValue.JsonArray(a.items().stream().map(ObjectKeywordsTest::rebuilt).toList());
        }
        return v;
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String quote(String s) {
        return MAPPER.writeValueAsString(s);
    }

    @Test
    void namesWithOneHashCodeAreToldApart() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals("AaAa".hashCode(), "BBBB".hashCode());
        String schema = "{\"properties\":{\"Aa\":{\"type\":\"string\"},\"AaAa\":{\"type\":\"integer\"}},\"additionalProperties\":false,"
                + "\"required\":[\"Aa\"]}";
        CompiledSchema compiled = CompiledSchema.compile(MAPPER.readTree(schema));
        for (String instance : List.of("{\"Aa\":\"s\"}", "{\"BB\":\"s\"}", "{\"Aa\":\"s\",\"BB\":\"s\"}", "{\"Aa\":\"s\",\"AaAa\":1}",
                "{\"Aa\":\"s\",\"BBBB\":1}", "{\"Aa\":1}")) {
            byte[] text = instance.getBytes(StandardCharsets.UTF_8);
            assertEquals(CompiledSchemaTest.networkntValid(schema, StrictJsonReader.read(text, 1 << 20, 1 << 20)),
                    compiled.conforms(StrictJsonReader.readValue(text, 1 << 20, 1 << 20)), instance);
        }
    }
}
