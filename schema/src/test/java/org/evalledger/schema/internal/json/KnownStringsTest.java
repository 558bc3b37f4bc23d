package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.evalledger.core.JsonValue;
import org.junit.jupiter.api.Test;

/** The reader's table of known strings: complete for the schema, exact on lookups, invisible in what is read. */
class KnownStringsTest {
    private static final int MB = 1 << 20;

    @Test
    void holdsEveryMemberNameAndEveryEnumAndConstStringOfTheRecordSchema() throws Exception {
        JsonValue schema;
        try (InputStream in = KnownStringsTest.class.getResourceAsStream("/org/evalledger/schema/record-v1.schema.json")) {
            schema = StrictJsonReader.readValue(in.readAllBytes(), 16 * MB, MB);
        }
        TreeSet<String> wanted = new TreeSet<>();
        collect(schema, wanted);
        wanted.removeAll(KnownStrings.ALL);
        assertTrue(wanted.isEmpty(), "add these strings of record-v1.schema.json to KnownStrings.ALL: " + wanted);
    }

    private static void collect(JsonValue v, TreeSet<String> out) {
        if (v instanceof JsonValue.JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (e.getKey().equals("properties") && e.getValue() instanceof JsonValue.JsonObject props) {
                    out.addAll(props.members().keySet());
                }
                if ((e.getKey().equals("enum") || e.getKey().equals("const"))) {
                    List<JsonValue> values = e.getValue() instanceof JsonValue.JsonArray a ? a.items() : List.of(e.getValue());
                    for (JsonValue item : values) {
                        if (item instanceof JsonValue.JsonString s) {
                            out.add(s.value());
                        }
                    }
                }
                collect(e.getValue(), out);
            }
        } else if (v instanceof JsonValue.JsonArray a) {
            for (JsonValue item : a.items()) {
                collect(item, out);
            }
        }
    }

    /** What find must answer for a region of text: the known string equal to it, or null when there is none. */
    private static void exact(String region) {
        byte[] text = ("xx" + region + "yy").getBytes(StandardCharsets.UTF_8);
        int length = region.getBytes(StandardCharsets.UTF_8).length;
        String found = length > KnownStrings.MAX_LENGTH ? null : KnownStrings.find(text, 2, length);
        if (KnownStrings.ALL.contains(region) && region.length() <= KnownStrings.MAX_LENGTH) {
            assertEquals(region, found);
            assertSame(found, KnownStrings.find(region.getBytes(StandardCharsets.US_ASCII), 0, length), "one instance per string");
        } else {
            assertNull(found, region);
        }
    }

    @Test
    void findsExactlyTheKnownStringsAtAnyOffset() {
        for (String known : KnownStrings.ALL) {
            exact(known);
            exact(known.substring(0, known.length() - 1));
            exact(known.substring(1));
            exact(known + "s");
            exact("x" + known);
            exact(known.toUpperCase(java.util.Locale.ROOT));
            for (int i = 0; i < known.length(); i++) { // every one-bit change of one character
                char[] changed = known.toCharArray();
                changed[i] ^= 1;
                exact(new String(changed));
            }
        }
        for (String other : List.of("", "acc_norm", "sha25", "Model", "model ", "\u006dodel", "é", "\ud83d\ude00")) {
            exact(other);
        }
    }

    @Test
    void theReaderGivesTheKnownInstancesAndEqualValuesEitherWay() {
        String doc = "{\"model\":{\"id\":\"org/m\",\"parameters\":7},\"producer\":{\"relationship\":\"first_party\","
                + "\"name\":\"first_part\",\"sourceType\":\"evaluation_run\\u0000\"},\"sha2\":{\"\\u006dodel\":\"sha256\"}}";
        JsonValue.JsonObject root = (JsonValue.JsonObject) StrictJsonReader.readValue(doc.getBytes(StandardCharsets.UTF_8), 16 * MB, MB);
        List<String> names = new ArrayList<>(root.members().keySet());
        assertEquals(List.of("model", "producer", "sha2"), names);
        assertSame(KnownStrings.find("model".getBytes(StandardCharsets.US_ASCII), 0, 5), names.get(0));
        JsonValue.JsonObject producer = (JsonValue.JsonObject) root.members().get("producer");
        assertSame(KnownStrings.find("first_party".getBytes(StandardCharsets.US_ASCII), 0, 11),
                ((JsonValue.JsonString) producer.members().get("relationship")).value());
        assertEquals("first_part", ((JsonValue.JsonString) producer.members().get("name")).value());
        assertEquals("evaluation_run\u0000", ((JsonValue.JsonString) producer.members().get("sourceType")).value());
        JsonValue.JsonObject escaped = (JsonValue.JsonObject) root.members().get("sha2");
        assertEquals(Map.of("model", new JsonValue.JsonString("sha256")), escaped.members()); // an escaped name reads as the same name
    }
}
