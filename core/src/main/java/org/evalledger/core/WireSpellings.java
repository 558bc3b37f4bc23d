package org.evalledger.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each enumeration's spellings, worked out once per class: every record read or written asks
 * for them. The arrays and maps are never changed once made; {@link ClassValue} publishes them
 * safely to every thread.
 */
final class WireSpellings {
    /** The lower-case names of an enum's constants, by ordinal. */
    static final ClassValue<String[]> LOWER_CASE = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    /** A wire enum's constants by their {@link WireEnum#wireName()}. */
    static final ClassValue<Map<String, Object>> BY_WIRE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byWire = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byWire.put(((WireEnum) constant).wireName(), constant);
            }
            return Map.copyOf(byWire);
        }
    };

    private WireSpellings() {}
}
