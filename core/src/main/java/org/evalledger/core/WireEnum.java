package org.evalledger.core;

import java.util.Locale;
import java.util.Optional;

/**
 * An enumeration whose constants have a fixed spelling in the JSON wire format: the constant's
 * name in lower case (for example {@code FIRST_PARTY} is {@code "first_party"}).
 * Implementations are enums: immutable and thread-safe.
 */
public interface WireEnum {
    /** The constant's spelling in the wire format. */
    String wireName();

    /** The constant of {@code type} whose {@link #wireName()} is {@code wire}, if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The default spelling: the constant's name in lower case. */
    static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
