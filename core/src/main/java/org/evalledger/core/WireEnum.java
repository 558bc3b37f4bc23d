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
        return wire == null ? Optional.empty() : Optional.ofNullable(type.cast(WireSpellings.BY_WIRE.get(type).get(wire)));
    }

    /** The default spelling: the constant's name in lower case. */
    static String lowerCase(Enum<?> e) {
        return WireSpellings.LOWER_CASE.get(e.getDeclaringClass())[e.ordinal()];
    }
}
