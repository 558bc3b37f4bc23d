package org.evalledger.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Any JSON value, for the parts of a record whose content is not defined by the schema
 * ({@link EvaluationRecord#extensions()}). {@code core} knows no JSON library, so this small
 * sealed hierarchy stands in for one. Numbers are IEEE doubles, as in RFC 8785 canonical JSON.
 * Every implementation is immutable and thread-safe.
 */
public sealed interface JsonValue {

    /** A JSON object; members keep their order. @param members the members */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Copies the members (unless a {@link Builder} made them, which hands them over). */
        public JsonObject {
            if (!(members instanceof BuiltMembers)) {
                members = Checks.map(members, "object");
            }
        }

        /** A builder, for code that builds many objects (a parser, say) without copying each one's members. */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Fills one object member by member, then hands the members to it without a copy. Not
         * thread-safe; each builder builds one object.
         */
        public static final class Builder {
            private BuiltMembers.@Nullable Filling members = new BuiltMembers.Filling();

            private Builder() {}

            private BuiltMembers.Filling members() {
                BuiltMembers.Filling m = members;
                if (m == null) {
                    throw new IllegalStateException("this builder has built its object already; use a new one");
                }
                return m;
            }

            /** Whether a member of this name was put. */
            public boolean has(String name) {
                return members().has(name);
            }

            /**
             * Adds a member after those put before.
             *
             * @throws IllegalArgumentException if a member of this name was put already (JSON
             *     objects here have unique names)
             */
            public Builder put(String name, JsonValue value) {
                Objects.requireNonNull(name, "name");
                if (value == null) {
                    throw new NullPointerException("object." + name + " must not be null");
                }
                BuiltMembers.Filling m = members();
                if (m.has(name)) {
                    throw new IllegalArgumentException("object already has a member named \"" + name + "\"");
                }
                m.add(name, value);
                return this;
            }

            /** The object; the builder cannot be used after this. */
            public JsonObject build() {
                JsonObject o = new JsonObject(members().build());
                members = null;
                return o;
            }
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
