package org.evalledger.interop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.core.JsonValue;
import org.evalledger.interop.ImportWarning;
import org.jspecify.annotations.Nullable;

/**
 * A foreign JSON object read member by member: what an importer takes is mapped, what is left at
 * the end is kept under extensions and listed as a warning, so nothing is dropped silently.
 * Not thread-safe; one per import.
 */
public final class Rest {
    private final Map<String, JsonValue> left;
    private final Map<String, Rest> children = new LinkedHashMap<>();

    /** Wraps an object (anything else is empty). */
    public Rest(@Nullable JsonValue value) {
        this.left = new LinkedHashMap<>(Json.obj(value));
    }

    /** Takes a member: it is mapped, so it is not left over. */
    public @Nullable JsonValue take(String name) {
        return left.remove(name);
    }

    /** Reads a member without taking it: it stays a leftover unless taken later. */
    public @Nullable JsonValue peek(String name) {
        return left.get(name);
    }

    /** Everything not yet taken, as an object (for reading members by a pattern of names). */
    public JsonValue peekAll() {
        return new JsonValue.JsonObject(left);
    }

    /** Takes an object member to read further; its leftovers are collected under its name. */
    public Rest child(String name) {
        Rest r = new Rest(left.remove(name));
        children.put(name, r);
        return r;
    }

    /** Whether the member is present (and not yet taken). */
    public boolean has(String name) {
        return left.containsKey(name);
    }

    /** Everything not taken, by dotted path, with a warning for each. */
    public Map<String, JsonValue> leftovers(String prefix, List<ImportWarning> warnings, String extensionKey) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        collect(prefix, out);
        for (String path : new ArrayList<>(out.keySet())) {
            warnings.add(new ImportWarning(path, "no field of its own; kept under extensions." + extensionKey + "." + path));
        }
        return out;
    }

    private void collect(String prefix, Map<String, JsonValue> out) {
        left.forEach((k, v) -> out.put(prefix.isEmpty() ? k : prefix + "." + k, v));
        children.forEach((k, r) -> r.collect(prefix.isEmpty() ? k : prefix + "." + k, out));
    }
}
