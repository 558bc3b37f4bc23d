package org.evalledger.core;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of a {@link JsonValue.JsonObject} that its {@link JsonValue.JsonObject.Builder}
 * filled and handed over: an unmodifiable view of a map that no one else holds, so the object
 * keeps it without a copy. Only this package can make one.
 */
final class BuiltMembers extends AbstractMap<String, JsonValue> {
    private final Map<String, JsonValue> view;

    BuiltMembers(LinkedHashMap<String, JsonValue> handedOver) {
        this.view = Collections.unmodifiableMap(handedOver);
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<JsonValue> values() {
        return view.values();
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public JsonValue get(Object key) {
        return view.get(key);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        view.forEach(action);
    }
}
