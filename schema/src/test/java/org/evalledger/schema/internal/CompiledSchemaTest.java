package org.evalledger.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.CompiledSchema.UnsupportedSchemaException;
import org.evalledger.schema.internal.json.JsonReadException;
import org.evalledger.schema.internal.json.StrictJsonReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema compiler: it compiles record-v1.schema.json, refuses what it does not know, and on
 * small schemas aimed at each keyword's corner cases answers as networknt (configured as in
 * {@link SchemaCheck}) does.
 */
class CompiledSchemaTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final SchemaRegistry NETWORKNT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static ObjectNode recordSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            return (ObjectNode) MAPPER.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRecordSchemaCompilesAndTheFastPathIsOn() {
        CompiledSchema.compile(recordSchema());
        assertTrue(SchemaCheck.fastPathEnabled(), "record-v1.schema.json did not compile: networknt checks everything");
    }

    /**
     * The object check's order of evaluation could change the answer only under a {@code oneOf}
     * (see ObjectCheck's comment): record-v1 has two, and no object keyword under either, through
     * any {@code $ref}.
     */
    @Test
    void noOneOfOfTheRecordSchemaHoldsAnObjectKeyword() {
        ObjectNode schema = recordSchema();
        List<String> oneOfs = new ArrayList<>();
        List<String> objectKeywords = new ArrayList<>();
        findOneOfs(schema, schema, "", oneOfs, objectKeywords);
        assertEquals(2, oneOfs.size(), oneOfs.toString());
        assertEquals(List.of(), objectKeywords);
    }

    private static final List<String> OBJECT_KEYWORDS = List.of("properties", "required", "additionalProperties",
            "minProperties", "propertyNames");

    private static void findOneOfs(JsonNode root, JsonNode node, String at, List<String> oneOfs, List<String> found) {
        if (node.isObject() && node.get("oneOf") != null) {
            oneOfs.add(at + "/oneOf");
            for (int i = 0; i < node.get("oneOf").size(); i++) {
                objectKeywordsUnder(root, node.get("oneOf").get(i), at + "/oneOf/" + i, new java.util.HashSet<>(), found);
            }
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                findOneOfs(root, node.get(name), at + "/" + name, oneOfs, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findOneOfs(root, node.get(i), at + "/" + i, oneOfs, found);
            }
        }
    }

    private static void objectKeywordsUnder(JsonNode root, JsonNode node, String at, java.util.Set<String> refs, List<String> found) {
        if (node.isObject()) {
            for (String k : OBJECT_KEYWORDS) {
                if (node.has(k)) {
                    found.add(at + "/" + k);
                }
            }
            JsonNode ref = node.get("$ref");
            if (ref != null && refs.add(ref.stringValue())) {
                objectKeywordsUnder(root, root.at(ref.stringValue().substring(1)), ref.stringValue(), refs, found);
            }
            for (String name : node.propertyNames()) {
                objectKeywordsUnder(root, node.get(name), at + "/" + name, refs, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                objectKeywordsUnder(root, node.get(i), at + "/" + i, refs, found);
            }
        }
    }

    @Test
    void anUnknownKeywordAnywhereFailsLoudly() {
        for (String keyword : List.of("uniqueItems", "multipleOf", "prefixItems", "patternProperties", "maxProperties",
                "dependentRequired", "unevaluatedProperties", "allOf", "anyOf", "not", "if", "contains", "$anchor",
                "$dynamicRef", "contentMediaType", "nullable", "requried")) {
            ObjectNode schema = recordSchema();
            ((ObjectNode) schema.at("/$defs/metric/properties/stderr")).put(keyword, 1);
            UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class, () -> CompiledSchema.compile(schema));
            assertTrue(e.getMessage().contains("/$defs/metric/properties/stderr/" + keyword), e.getMessage());
        }
        // also in a definition nobody refers to
        ObjectNode schema = recordSchema();
        ((ObjectNode) schema.get("$defs")).putObject("unused").put("multipleOf", 2);
        assertThrows(UnsupportedSchemaException.class, () -> CompiledSchema.compile(schema));
    }

    @Test
    void formsOfKnownKeywordsItDoesNotHandleFailLoudly() {
        for (String bad : List.of("{\"$ref\":\"other.json#/$defs/x\"}", "{\"$ref\":\"#/$defs/missing\"}",
                "{\"pattern\":\"^\\\\p{L}+$\"}", "{\"pattern\":\"[a[b]]\"}", "{\"pattern\":\"(\"}",
                "{\"enum\":[{\"a\":1}]}", "{\"const\":[1]}", "{\"type\":\"int\"}",
                "{\"type\":[\"integer\",\"null\"],\"minimum\":1}", "{\"minLength\":-1}", "{\"minItems\":1.5}",
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\"}", "{\"properties\":{\"a\":{\"$id\":\"x\"}}}",
                "{\"required\":\"a\"}", "{\"oneOf\":[]}", "{\"items\":[{}]}", "{\"minimum\":\"1\"}")) {
            assertThrows(UnsupportedSchemaException.class, () -> CompiledSchema.compile(MAPPER.readTree(bad)), bad);
        }
    }

    @Test
    void networkntDoesNotAssertFormatInThisConfiguration() {
        // if a networknt upgrade starts asserting "format", CompiledSchema must stop treating it as an annotation
        Schema s = NETWORKNT.getSchema("{\"$schema\":\"" + CompiledSchema.DIALECT + "\",\"format\":\"date-time\"}");
        assertTrue(s.validate(F.stringNode("not a date")).isEmpty());
        assertTrue(conforms("{\"format\":\"date-time\"}", new JsonValue.JsonString("not a date")));
    }

    /** Schemas aimed at corner cases, each with instances on both sides of the line. */
    @Test
    void agreesWithNetworkntOnEachKeywordsCornerCases() {
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        JsonNode[] numbers = {F.numberNode(0), F.numberNode(-0.0), F.numberNode(1), F.numberNode(1.0), F.numberNode(1.5),
            F.numberNode(-1), F.numberNode(0.5), F.numberNode(2), F.numberNode(2147483647), F.numberNode(2147483648L),
            F.numberNode(9007199254740991L), F.numberNode(9007199254740992L), F.numberNode(9.007199254740992E15),
            F.numberNode(-9007199254740991L), F.numberNode(-9007199254740992L), F.numberNode(4.9e-324),
            F.numberNode(0.9999999999999999), F.numberNode(1e300), F.numberNode(-1e300), F.numberNode(1e19),
            F.numberNode(new BigInteger("18446744073709551616")), F.numberNode(new BigDecimal("1.000")),
            F.numberNode(new BigDecimal("0.99999999999999999999999")), F.numberNode(new BigDecimal("1E+400")),
            F.numberNode(1.5f), F.numberNode(2.0f), F.numberNode((short) 3), F.stringNode("1"), F.booleanNode(true),
            F.nullNode(), F.objectNode(), F.arrayNode()};
        String[] numberSchemas = {"{\"type\":\"integer\"}", "{\"type\":\"number\"}", "{\"type\":\"integer\",\"minimum\":1}",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":2147483647}", "{\"type\":\"integer\",\"maximum\":9007199254740991}",
            "{\"type\":\"integer\",\"minimum\":-9007199254740991,\"maximum\":9007199254740991}",
            "{\"type\":\"number\",\"minimum\":0}", "{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1}",
            "{\"minimum\":0.5}", "{\"maximum\":1}", "{\"exclusiveMaximum\":1}", "{\"enum\":[1, \"a\", true, null]}",
            "{\"const\":1}", "{\"const\":0}", "{\"enum\":[1.5, 2]}",
            "{\"oneOf\":[{\"type\":\"integer\",\"minimum\":1,\"maximum\":2147483647},{\"const\":\"auto\"}]}",
            "{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":1}]}", "{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}",
            "{\"type\":[\"integer\",\"null\"]}", "{\"type\":[\"string\",\"boolean\"]}"};
        for (String schema : numberSchemas) {
            for (JsonNode n : numbers) {
                checked += compare(schema, n, disagreements) ? 1 : 0;
            }
        }
        String astral = "\uD83D\uDE00";
        JsonNode[] strings = {F.stringNode(""), F.stringNode("a"), F.stringNode("ab"), F.stringNode("abc"),
            F.stringNode(astral), F.stringNode(astral + astral), F.stringNode(astral + astral + astral),
            F.stringNode("a" + astral), F.stringNode("\uD83D"), F.stringNode("auto"), F.stringNode("Auto"),
            F.stringNode("auto "), F.stringNode("xaby"), F.stringNode("ab\n"), F.stringNode("\nab"), F.stringNode("a$"),
            F.stringNode("2026-06-13T09:30:00Z"), F.stringNode("2026-06-13T09:30:00Z\n"),
            F.stringNode("2026-06-13T09:30:00.1234567890Z"), F.stringNode("\u0661\u0662\u0663\u0664-06-13T09:30:00Z"),
            F.numberNode(2), F.nullNode()};
        String[] stringSchemas = {"{\"type\":\"string\"}", "{\"minLength\":2}", "{\"maxLength\":2}",
            "{\"type\":\"string\",\"minLength\":1}", "{\"minLength\":3,\"maxLength\":3}", "{\"pattern\":\"ab\"}",
            "{\"pattern\":\"^ab$\"}", "{\"pattern\":\"^a[$]\"}", "{\"pattern\":\"b\\\\$\"}", "{\"pattern\":\"^.$\"}",
            "{\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(\\\\.\\\\d{1,9})?Z$\"}",
            "{\"enum\":[\"auto\",\"ab\"]}", "{\"const\":\"auto\"}",
            "{\"oneOf\":[{\"type\":\"boolean\"},{\"type\":\"string\",\"minLength\":1}]}",
            "{\"oneOf\":[{\"type\":\"string\"},{\"minLength\":2}]}", "{\"oneOf\":[{\"maxLength\":1},{\"minLength\":1}]}"};
        for (String schema : stringSchemas) {
            for (JsonNode s : strings) {
                checked += compare(schema, s, disagreements) ? 1 : 0;
            }
        }
        String[] objectSchemas = {
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}",
            "{\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}",
            "{\"additionalProperties\":{\"type\":\"integer\",\"minimum\":0},\"minProperties\":1}",
            "{\"properties\":{\"a\":true},\"additionalProperties\":{\"type\":\"integer\"}}",
            "{\"propertyNames\":{\"minLength\":1},\"minProperties\":1}", "{\"propertyNames\":{\"maxLength\":1}}",
            "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1,\"maxItems\":2}",
            "{\"items\":false}", "{\"$defs\":{\"n\":{\"type\":\"string\",\"minLength\":1}},\"properties\":{\"a\":{\"$ref\":\"#/$defs/n\"}}}",
            "{\"$defs\":{\"t\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/t\"}},\"additionalProperties\":false}},"
                + "\"$ref\":\"#/$defs/t\"}"};
        String[] objects = {"{}", "{\"a\":\"x\"}", "{\"a\":1}", "{\"a\":null}", "{\"b\":1}", "{\"a\":\"x\",\"b\":2}",
            "{\"\":1}", "{\"b\":-1}", "{\"b\":1.0}", "{\"ab\":1}", "{\"" + astral + "\":1}", "[]", "[\"a\"]", "[\"a\",\"b\"]",
            "[\"a\",\"b\",\"c\"]", "[1]", "{\"next\":{}}", "{\"next\":{\"next\":{\"x\":1}}}", "{\"a\":\"\"}", "\"a\"", "3"};
        for (String schema : objectSchemas) {
            for (String o : objects) {
                checked += compare(schema, MAPPER.readTree(o), disagreements) ? 1 : 0;
            }
        }
        assertEquals(List.of(), disagreements, "of " + checked);
        assertTrue(checked > 1000);
    }

    @Test
    void aNumberOfMagnitudeTwoToThe53OrMoreMeetingABoundOrAValueCheckMakesTheAnswerNo() {
        // the one intended difference: such a double may be a long literal the reader rounded, which
        // the Jackson tree holds exactly; declining only ever makes the fast path defer to networknt
        JsonValue big = new JsonValue.JsonNumber(0x1p53);
        assertTrue(networkntValid("{\"maximum\":1e300}", F.numberNode(0x1p53)));
        assertFalse(conforms("{\"maximum\":1e300}", big));
        assertFalse(conforms("{\"minimum\":0}", new JsonValue.JsonNumber(1e20)));
        assertFalse(conforms("{\"enum\":[9007199254740992]}", big));
        assertTrue(conforms("{\"type\":\"integer\"}", big), "the type alone is exact");
        // declining answers no for the whole instance, also where a false inside oneOf would make it yes
        assertFalse(networkntValid("{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":1}]}", F.numberNode(0x1p53)));
        assertFalse(conforms("{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":1}]}", big));
        assertFalse(conforms("{\"properties\":{\"a\":{\"oneOf\":[{\"type\":\"string\"},{\"maximum\":1e300}]}}}",
                new JsonValue.JsonObject(java.util.Map.of("a", big))));
        assertTrue(conforms("{\"maximum\":9007199254740991}", new JsonValue.JsonNumber(9007199254740991d)));
    }

    /**
     * Compares the fast path with networknt as production pairs them: our check of the core values
     * the strict reader makes of a text, networknt's of the Jackson tree it makes of the same text
     * and of {@link TreeMapper#toCanonicalTree} of those values. A disagreement is recorded unless it
     * is the intended one (see the test above); returns false for a text the reader refuses.
     */
    private static boolean compare(String schema, JsonNode instance, List<String> disagreements) {
        byte[] text = instance.toString().getBytes(StandardCharsets.UTF_8);
        JsonValue value;
        JsonNode tree;
        try {
            value = StrictJsonReader.readValue(text, 1 << 20, 1 << 20);
            tree = StrictJsonReader.read(text, 1 << 20, 1 << 20);
        } catch (JsonReadException e) {
            return false;
        }
        boolean ours = conforms(schema, value);
        for (JsonNode theirTree : List.of(tree, TreeMapper.toCanonicalTree(value))) {
            boolean theirs = networkntValid(schema, theirTree);
            boolean declinedOnPurpose = theirs && !ours && value instanceof JsonValue.JsonNumber n && Math.abs(n.value()) >= 0x1p53;
            if (theirs != ours && !declinedOnPurpose) {
                disagreements.add(schema + " " + instance + " read as " + theirTree + " (" + theirTree.getClass().getSimpleName()
                        + "): networknt " + theirs + ", compiled " + ours);
            }
        }
        return true;
    }

    private static boolean conforms(String schema, JsonValue instance) {
        return CompiledSchema.compile(MAPPER.readTree(schema)).conforms(instance);
    }

    /** networknt's verdict; an exception (it throws on some huge integers) counts as "not valid". */
    static boolean networkntValid(String schema, JsonNode instance) {
        ObjectNode s = (ObjectNode) MAPPER.readTree(schema);
        s.put("$schema", CompiledSchema.DIALECT);
        try {
            return NETWORKNT.getSchema(s).validate(instance).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
