package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An object built member by member is, as a {@link Map}, the same as the insertion-ordered map of
 * its members: small objects (whose lookups scan the names) and large ones (with a hash index) alike.
 */
class BuiltObjectPropertiesTest {

    @Provide
    Arbitrary<List<String>> names() {
        return name().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> probe() {
        return name();
    }

    /**
     * Short names from a small alphabet, so that near-misses (same length, one char apart) are
     * common, and names whose hash codes collide ("Aa" and "BB" hash alike, and so do their pairings).
     */
    private static Arbitrary<String> name() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("abcé\u20ac").ofMinLength(0).ofMaxLength(3),
                Arbitraries.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"));
    }

    @Property(tries = 400)
    void aBuiltObjectBehavesAsTheInsertionOrderedMapOfItsMembers(@ForAll("names") List<String> names, @ForAll("probe") String probe) {
        Map<String, JsonValue> expected = new LinkedHashMap<>();
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
        int n = 0;
        for (String name : names) {
            JsonValue v = new JsonValue.JsonNumber(n++);
            assertEquals(expected.containsKey(name), b.has(name), name);
            if (expected.containsKey(name)) {
                assertThrows(IllegalArgumentException.class, () -> b.put(name, v));
            } else {
                expected.put(name, v);
                b.put(name, v);
            }
        }
        Map<String, JsonValue> built = b.build().members();

        assertEquals(expected.size(), built.size());
        assertEquals(expected.isEmpty(), built.isEmpty());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(built.keySet()), "insertion order");
        assertEquals(List.copyOf(expected.values()), List.copyOf(built.values()));
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(built.entrySet()));
        assertEquals(expected, built);
        assertEquals(built, expected);
        assertEquals(expected.hashCode(), built.hashCode());
        assertEquals(expected.toString(), built.toString());
        assertEquals(expected.containsKey(probe), built.containsKey(probe));
        assertEquals(expected.containsKey(probe), built.keySet().contains(probe));
        assertEquals(expected.get(probe), built.get(probe));
        assertEquals(new JsonValue.JsonObject(expected), new JsonValue.JsonObject(built));
        List<String> seen = new ArrayList<>();
        built.forEach((k, v) -> {
            seen.add(k);
            assertEquals(expected.get(k), v);
        });
        assertEquals(List.copyOf(expected.keySet()), seen);
        assertEquals(List.copyOf(expected.keySet()), List.of(built.keySet().toArray(new String[0])));
        assertEquals(List.copyOf(expected.keySet()), java.util.Arrays.asList(built.keySet().toArray(new String[built.size() + 3])).subList(0, built.size()));
        assertEquals(List.copyOf(expected.keySet()), List.of(built.keySet().toArray()));
    }

    @Property(tries = 400)
    void twoBuiltObjectsAreEqualExactlyWhenTheirMembersAreWhateverTheirOrder(@ForAll("names") List<String> names, @ForAll long seed,
            @ForAll boolean changeOne) {
        List<String> distinct = names.stream().distinct().toList();
        List<String> shuffled = new ArrayList<>(distinct);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        JsonValue.JsonObject.Builder a = JsonValue.JsonObject.builder();
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
        distinct.forEach(n -> a.put(n, new JsonValue.JsonString(n)));
        String changed = changeOne && !shuffled.isEmpty() ? shuffled.get(0) : null;
        shuffled.forEach(n -> b.put(n, new JsonValue.JsonString(n.equals(changed) ? n + "!" : n)));
        Map<String, JsonValue> x = a.build().members();
        Map<String, JsonValue> y = b.build().members();
        Map<String, JsonValue> expectedX = new LinkedHashMap<>(x);
        Map<String, JsonValue> expectedY = new LinkedHashMap<>(y);
        assertEquals(expectedX.equals(expectedY), x.equals(y));
        assertEquals(expectedY.equals(expectedX), y.equals(x));
        assertEquals(changed == null, x.equals(y));
        if (x.equals(y)) {
            assertEquals(x.hashCode(), y.hashCode());
        }
        // the same size with one name swapped for a name it does not have is never equal
        if (!distinct.isEmpty()) {
            String other = "~" + String.join("", distinct);
            JsonValue.JsonObject.Builder r = JsonValue.JsonObject.builder();
            shuffled.forEach(n -> r.put(n.equals(shuffled.get(0)) ? other : n, new JsonValue.JsonString(n)));
            Map<String, JsonValue> renamed = r.build().members();
            assertFalse(x.equals(renamed));
            assertFalse(renamed.equals(x));
            assertEquals(new LinkedHashMap<>(renamed).equals(expectedX), renamed.equals(x));
        }
        // one member fewer is never equal
        if (!distinct.isEmpty()) {
            JsonValue.JsonObject.Builder c = JsonValue.JsonObject.builder();
            distinct.subList(1, distinct.size()).forEach(n -> c.put(n, new JsonValue.JsonString(n)));
            assertFalse(x.equals(c.build().members()));
        }
    }

    @Property(tries = 100)
    void aBuiltObjectCannotBeChanged(@ForAll("names") List<String> names) {
        JsonValue.JsonObject.Builder b = JsonValue.JsonObject.builder();
        names.stream().distinct().forEach(name -> b.put(name, JsonValue.JsonNull.INSTANCE));
        Map<String, JsonValue> built = b.build().members();
        int size = built.size();
        assertThrows(UnsupportedOperationException.class, () -> built.put("new", JsonValue.JsonNull.INSTANCE));
        if (size > 0) {
            String first = built.keySet().iterator().next();
            assertThrows(UnsupportedOperationException.class, () -> built.remove(first));
            assertThrows(UnsupportedOperationException.class, () -> built.keySet().remove(first));
            assertThrows(UnsupportedOperationException.class, built::clear);
            assertThrows(UnsupportedOperationException.class, () -> built.entrySet().iterator().next().setValue(null));
            assertThrows(UnsupportedOperationException.class, () -> built.values().clear());
        }
        assertEquals(size, built.size());
        Iterator<String> it = built.keySet().iterator();
        for (int i = 0; i < size; i++) {
            assertTrue(it.hasNext());
            it.next();
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertNull(built.get(42), "a key that is not a string is never a member");
        assertFalse(built.containsKey(null));
    }
}
