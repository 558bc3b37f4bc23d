package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.internal.json.StrictJsonReader;
import org.junit.jupiter.api.Test;

class RecordSchemaTest {

    private static JsonValue.JsonObject schema() {
        return (JsonValue.JsonObject) StrictJsonReader.readValue(RecordSchema.bytes(), 1 << 24, 1 << 20);
    }

    @Test
    void idIsTheV1SchemaUriAndDialectIs2020_12() {
        Map<String, JsonValue> s = schema().members();
        assertEquals(new JsonValue.JsonString(EvaluationRecord.SCHEMA_V1), s.get("$id"));
        assertEquals(new JsonValue.JsonString("https://json-schema.org/draft/2020-12/schema"), s.get("$schema"));
        assertEquals(EvaluationRecord.SCHEMA_V1, RecordSchema.id());
    }

    @Test
    void everyObjectIsClosedExceptExtensions() {
        List<String> open = new ArrayList<>();
        walk(schema(), "", open);
        assertEquals(List.of("/properties/extensions"), open);
    }

    @Test
    void theSchemaDocumentIsItselfStrictJson() {
        assertTrue(RecordSchema.bytes().length > 1000);
        CanonicalJson.canonicalize(RecordSchema.bytes());
    }

    /** Collects the pointers of object schemas that do not forbid unknown members. */
    private static void walk(JsonValue node, String at, List<String> open) {
        if (node instanceof JsonValue.JsonObject o) {
            Map<String, JsonValue> m = o.members();
            if (new JsonValue.JsonString("object").equals(m.get("type"))
                    && !new JsonValue.JsonBoolean(false).equals(m.get("additionalProperties"))
                    && !(m.get("additionalProperties") instanceof JsonValue.JsonObject)) {
                open.add(at);
            }
            m.forEach((k, v) -> walk(v, at + "/" + k, open));
        } else if (node instanceof JsonValue.JsonArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                walk(a.items().get(i), at + "/" + i, open);
            }
        }
    }
}
