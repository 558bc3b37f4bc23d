package org.evalledger.core;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The members of a {@link JsonValue.JsonObject} that its {@link JsonValue.JsonObject.Builder}
 * filled and handed over: two arrays in insertion order that no one else holds, so the object keeps
 * them without a copy. Unmodifiable; only this package can make one.
 *
 * <p>Most objects of a record have two to eight members, so a lookup scans the names' hash codes
 * (kept beside them; a schema check looks up every property the schema knows, most of them absent)
 * and compares a name only when its hash matches: no map nodes. A 64-bit mask of the names' hash
 * codes (one bit each, picked by a multiplicative hash) answers most lookups of an absent name
 * without a scan. An object with more than
 * {@link #SCAN_LIMIT} members also gets a hash index, so that neither lookups nor the builder's
 * duplicate check grow quadratic on a large object.
 */
final class BuiltMembers extends AbstractMap<String, JsonValue> {
    /** Up to this many members, lookups scan the names; above it, a hash index answers them. */
    static final int SCAN_LIMIT = 8;

    private final String[] names;
    private final int[] hashes;
    private final JsonValue[] values;
    private final int size;
    /** The {@link #bit} of every name's hash code. */
    private final long present;
    private final @Nullable Map<String, Integer> index;
    private @Nullable Set<String> keySet;

    private BuiltMembers(String[] names, int[] hashes, JsonValue[] values, int size, long present,
            @Nullable Map<String, Integer> index) {
        this.names = names;
        this.hashes = hashes;
        this.values = values;
        this.size = size;
        this.present = present;
        this.index = index;
    }

    private int indexOf(@Nullable Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        return key instanceof String name ? scan(names, hashes, size, present, name, name.hashCode()) : -1;
    }

    /** One of 64 bits for a hash code: the top six bits of its product with an odd constant. */
    private static long bit(int hash) {
        return 1L << (hash * 0x9E3779B9 >>> 26);
    }

    /**
     * The position of the name, whose hash code is h, among the first {@code size}, comparing hash
     * codes first; -1 when absent, at once when the mask of the names' bits lacks the name's bit.
     */
    private static int scan(String[] names, int[] hashes, int size, long present, String name, int h) {
        if ((present & bit(h)) == 0) {
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable JsonValue get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    /**
     * Equal to any map with the same members, as {@link java.util.Map#equals} says; against another
     * built object it compares member by member through the kept hash codes, with no entry objects
     * (the record validator compares a record's value with the value read, whose members are in
     * another order).
     */
    @Override
    public boolean equals(@Nullable Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof BuiltMembers other)) {
            return super.equals(o);
        }
        if (other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            int j = other.index != null ? other.indexOf(names[i])
                    : scan(other.names, other.hashes, other.size, other.present, names[i], hashes[i]);
            if (j < 0 || !values[i].equals(other.values[j])) {
                return false;
            }
        }
        return true;
    }

    /** The sum of the entries' hash codes, each its name's XOR its value's, as {@link java.util.Map#hashCode} says; no entry objects. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += hashes[i] ^ values[i].hashCode();
        }
        return h;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<String> keySet() {
        Set<String> k = keySet;
        if (k == null) {
            k = new AbstractSet<>() {
                @Override public Iterator<String> iterator() { return new At<>(i -> names[i]); }
                @Override public int size() { return size; }
                @Override public boolean contains(Object o) { return containsKey(o); }
                @Override public Object[] toArray() { return Arrays.copyOf(names, size, Object[].class); }
                @SuppressWarnings("unchecked")
                @Override public <T> T[] toArray(T[] a) {
                    if (a.length < size) {
                        return (T[]) Arrays.copyOf(names, size, a.getClass());
                    }
                    System.arraycopy(names, 0, a, 0, size);
                    if (a.length > size) {
                        a[size] = null;
                    }
                    return a;
                }
            };
            keySet = k;
        }
        return k;
    }

    @Override
    public Collection<JsonValue> values() {
        return new AbstractCollection<>() {
            @Override public Iterator<JsonValue> iterator() { return new At<>(i -> values[i]); }
            @Override public int size() { return size; }
        };
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override public Iterator<Entry<String, JsonValue>> iterator() {
                return new At<>(i -> new SimpleImmutableEntry<>(names[i], values[i]));
            }
            @Override public int size() { return size; }
        };
    }

    /** An iterator over the positions in insertion order; it cannot remove. */
    private final class At<T> implements Iterator<T> {
        private final IntFunction<T> at;
        private int next;

        At(IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at.apply(next++);
        }
    }

    /** Fills the members of one object; {@link #build} hands them over. Not thread-safe. */
    static final class Filling {
        private String[] names = new String[SCAN_LIMIT];
        private int[] hashes = new int[SCAN_LIMIT];
        private JsonValue[] values = new JsonValue[SCAN_LIMIT];
        private int size;
        private long present;
        private @Nullable Map<String, Integer> index;

        boolean has(String name) {
            return index != null ? index.containsKey(name) : scan(names, hashes, size, present, name, name.hashCode()) >= 0;
        }

        /** Adds a member whose name is not in the object yet. */
        void add(String name, JsonValue value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int h = name.hashCode();
            names[size] = name;
            hashes[size] = h;
            values[size] = value;
            present |= bit(h);
            size++;
            if (index != null) {
                index.put(name, size - 1);
            } else if (size > SCAN_LIMIT) {
                Map<String, Integer> m = new HashMap<>(size * 4);
                for (int i = 0; i < size; i++) {
                    m.put(names[i], i);
                }
                index = m;
            }
        }

        BuiltMembers build() {
            return new BuiltMembers(names, hashes, values, size, present, index);
        }
    }
}
