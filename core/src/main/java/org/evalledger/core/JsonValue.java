package org.evalledger.core;

import java.util.List;
import java.util.Map;

/**
 * Any JSON value, for the parts of a record whose content is not defined by the schema
 * ({@link EvaluationRecord#extensions()}). {@code core} knows no JSON library, so this small
 * sealed hierarchy stands in for one. Numbers are IEEE doubles, as in RFC 8785 canonical JSON.
 * Every implementation is immutable and thread-safe.
 */
public sealed interface JsonValue {

    /** A JSON object; members keep their order. @param members the members */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Copies the members. */
        public JsonObject {
            members = Checks.map(members, "object");
        }
    }

    /** A JSON array. @param items the items */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        /** Copies the items. */
        public JsonArray {
            items = Checks.list(items, "array");
        }
    }

    /** A JSON string. @param value the string */
    record JsonString(String value) implements JsonValue {
        /** Checks the value is not null. */
        public JsonString {
            Checks.required(value, "string");
        }
    }

    /** A JSON number. @param value a finite double */
    record JsonNumber(double value) implements JsonValue {
        /** Checks the value is finite. */
        public JsonNumber {
            Checks.finite(value, "number");
        }
    }

    /** {@code true} or {@code false}. @param value the boolean */
    record JsonBoolean(boolean value) implements JsonValue {}

    /** JSON {@code null}. */
    enum JsonNull implements JsonValue {
        /** The only instance. */
        INSTANCE
    }
}
