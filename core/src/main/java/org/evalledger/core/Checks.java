package org.evalledger.core;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the value types; every failure is an {@link IllegalArgumentException} naming the field. */
final class Checks {
    /** Largest integer that JSON readers everywhere (IEEE doubles) hold exactly: 2^53 - 1. */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private Checks() {}

    static <T> T required(@Nullable T value, String field) {
        if (value == null) { // no message supplier: a lambda capturing the field would be made on every call
            throw new NullPointerException(field + " is required");
        }
        return value;
    }

    static String nonEmpty(@Nullable String value, String field) {
        required(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static @Nullable String nonEmptyOrNull(@Nullable String value, String field) {
        return value == null ? null : nonEmpty(value, field);
    }

    static String matches(@Nullable String value, CharRun pattern, String field) {
        required(value, field);
        if (!pattern.matches(value)) {
            throw mismatch(field, pattern.pattern(), value);
        }
        return value;
    }

    /** The failure of a value that does not match its field's pattern. */
    static IllegalArgumentException mismatch(String field, String pattern, String value) {
        return new IllegalArgumentException(field + " must match " + pattern + ", got \"" + value + "\"");
    }

    static @Nullable String matchesOrNull(@Nullable String value, CharRun pattern, String field) {
        return value == null ? null : matches(value, pattern, field);
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    static @Nullable Double finiteOrNull(@Nullable Double value, String field) {
        return value == null ? null : finite(value, field);
    }

    static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    static long atLeast(long value, long min, String field) {
        if (value < min || value > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + MAX_SAFE_INTEGER + ", got " + value);
        }
        return value;
    }

    static @Nullable Long atLeastOrNull(@Nullable Long value, long min, String field) {
        return value == null ? null : atLeast(value, min, field);
    }

    static @Nullable Integer atLeastOrNull(@Nullable Integer value, int min, String field) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** An immutable copy; absent means empty. Elements must not be null. */
    static <T> List<T> list(@Nullable List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        try {
            return List.copyOf(values); // refuses a null element itself, and keeps a list it made before as it is
        } catch (NullPointerException e) {
            throw new NullPointerException(field + " must not contain null");
        }
    }

    static <T> List<T> listSized(@Nullable List<T> values, int min, int max, String field) {
        List<T> copy = list(values, field);
        if (copy.size() < min || copy.size() > max) {
            throw new IllegalArgumentException(field + " must hold " + min + ".." + max + " items, got " + copy.size());
        }
        return copy;
    }

    /** An immutable, insertion-ordered copy; absent means empty. Keys and values must not be null. */
    static <V> Map<String, V> map(@Nullable Map<String, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        java.util.LinkedHashMap<String, V> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, V> e : values.entrySet()) {
            String key = e.getKey();
            if (key == null) {
                throw new NullPointerException(field + " must not contain a null key");
            }
            V value = e.getValue();
            if (value == null) {
                throw new NullPointerException(field + "." + key + " must not be null");
            }
            copy.put(key, value);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
