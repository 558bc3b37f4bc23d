package org.evalledger.schema.internal.json;

import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a JSON tree is built, so that one reader (and one record mapper) can build either Jackson
 * nodes or core values. Objects and arrays are filled in place and then finished into a value.
 * The two instances are stateless and thread-safe.
 *
 * @param <V> the values built
 * @param <O> an object being filled
 * @param <A> an array being filled
 */
public interface TreeBuilder<V, O, A> {
    /** Jackson nodes; integers become int or long nodes, other numbers double nodes. */
    TreeBuilder<JsonNode, ObjectNode, ArrayNode> JACKSON = new TreeBuilder<>() {
        private final JsonNodeFactory f = JsonNodeFactory.instance;

        @Override public ObjectNode newObject() { return f.objectNode(); }
        @Override public boolean has(ObjectNode o, String name) { return o.has(name); }
        @Override public void put(ObjectNode o, String name, JsonNode v) { o.set(name, v); }
        @Override public JsonNode object(ObjectNode o) { return o; }
        @Override public ArrayNode newArray() { return f.arrayNode(); }
        @Override public void add(ArrayNode a, JsonNode v) { a.add(v); }
        @Override public JsonNode array(ArrayNode a) { return a; }
        @Override public JsonNode string(String s) { return f.stringNode(s); }
        @Override public JsonNode bool(boolean b) { return f.booleanNode(b); }
        @Override public JsonNode nul() { return f.nullNode(); }
        @Override public JsonNode integer(long l) { return l == (int) l ? f.numberNode((int) l) : f.numberNode(l); }
        @Override public JsonNode number(double d) { return f.numberNode(d); }
    };

    /** Core values; every number is a double, as RFC 8785 reads it. */
    TreeBuilder<JsonValue, JsonValue.JsonObject.Builder, List<JsonValue>> CORE = new TreeBuilder<>() {
        @Override public JsonValue.JsonObject.Builder newObject() { return JsonValue.JsonObject.builder(); }
        @Override public boolean has(JsonValue.JsonObject.Builder o, String name) { return o.has(name); }
        @Override public void put(JsonValue.JsonObject.Builder o, String name, JsonValue v) { o.put(name, v); }
        @Override public JsonValue object(JsonValue.JsonObject.Builder o) { return o.build(); }
        @Override public List<JsonValue> newArray() { return new ArrayList<>(); }
        @Override public void add(List<JsonValue> a, JsonValue v) { a.add(v); }
        @Override public JsonValue array(List<JsonValue> a) { return new JsonValue.JsonArray(a); }
        @Override public JsonValue string(String s) { return new JsonValue.JsonString(s); }
        @Override public JsonValue bool(boolean b) { return new JsonValue.JsonBoolean(b); }
        @Override public JsonValue nul() { return JsonValue.JsonNull.INSTANCE; }
        @Override public JsonValue integer(long l) { return new JsonValue.JsonNumber(l); }
        @Override public JsonValue number(double d) { return new JsonValue.JsonNumber(d); }
        @Override public JsonValue of(JsonValue v) { return v; } // what the walk would build, equal value for value
    };

    /** A new, empty object. */
    O newObject();

    /** Whether the object being filled has a member of this name. */
    boolean has(O object, String name);

    /** Adds a member (its name is not in the object yet). */
    void put(O object, String name, V value);

    /** The finished object. */
    V object(O object);

    /** A new, empty array. */
    A newArray();

    /** Appends an item. */
    void add(A array, V value);

    /** The finished array. */
    V array(A array);

    /** A string. */
    V string(String s);

    /** {@code true} or {@code false}. */
    V bool(boolean b);

    /** {@code null}. */
    V nul();

    /** An integer, exactly (a reader gives it integer literals of at most 19 digits that fit a long). */
    V integer(long l);

    /** Any other number. */
    V number(double d);

    /**
     * The tree of a core value: integral numbers up to 2^53 in magnitude (not -0) as {@link
     * #integer}s, as they were most likely read, every other number as a {@link #number}.
     */
    default V of(JsonValue v) {
        if (v instanceof JsonValue.JsonObject obj) {
            O o = newObject();
            obj.members().forEach((k, x) -> put(o, k, of(x)));
            return object(o);
        }
        if (v instanceof JsonValue.JsonArray arr) {
            A a = newArray();
            for (JsonValue x : arr.items()) {
                add(a, of(x));
            }
            return array(a);
        }
        if (v instanceof JsonValue.JsonString s) {
            return string(s.value());
        }
        if (v instanceof JsonValue.JsonNumber num) {
            double d = num.value();
            return d == Math.rint(d) && Math.abs(d) <= 9_007_199_254_740_991d && Double.doubleToRawLongBits(d) != Long.MIN_VALUE
                    ? integer((long) d) : number(d);
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return bool(b.value());
        }
        return nul();
    }
}
