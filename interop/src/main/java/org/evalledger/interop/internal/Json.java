package org.evalledger.interop.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.core.JsonValue;
import org.jspecify.annotations.Nullable;

/** Null-safe navigation of foreign JSON documents. Stateless and thread-safe. */
public final class Json {
    private Json() {}

    /** The members of an object, or empty for anything else. */
    public static Map<String, JsonValue> obj(@Nullable JsonValue v) {
        return v instanceof JsonValue.JsonObject o ? o.members() : Map.of();
    }

    /** The items of an array, or empty for anything else. */
    public static List<JsonValue> arr(@Nullable JsonValue v) {
        return v instanceof JsonValue.JsonArray a ? a.items() : List.of();
    }

    /** A non-empty string, if the value is one. */
    public static Optional<String> str(@Nullable JsonValue v) {
        return v instanceof JsonValue.JsonString s && !s.value().isEmpty() ? Optional.of(s.value()) : Optional.empty();
    }

    /** A number, if the value is one. */
    public static Optional<Double> num(@Nullable JsonValue v) {
        return v instanceof JsonValue.JsonNumber n ? Optional.of(n.value()) : Optional.empty();
    }

    /** An integral number, if the value is one (or a string holding one, as Python tools often write). */
    public static Optional<Long> integer(@Nullable JsonValue v) {
        if (v instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 9.007199254740992E15) {
            return Optional.of((long) n.value());
        }
        if (v instanceof JsonValue.JsonString s && s.value().matches("-?\\d{1,15}")) {
            return Optional.of(Long.parseLong(s.value()));
        }
        return Optional.empty();
    }

    /** A boolean, if the value is one. */
    public static Optional<Boolean> bool(@Nullable JsonValue v) {
        return v instanceof JsonValue.JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
    }

    /** The text of a scalar for display: strings as they are, integral numbers as Python prints floats ("1.0"). */
    public static Optional<String> text(@Nullable JsonValue v) {
        if (v instanceof JsonValue.JsonString s) {
            return Optional.of(s.value());
        }
        if (v instanceof JsonValue.JsonNumber n) {
            double d = n.value();
            return Optional.of(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%.1f", d) : Double.toString(d));
        }
        return Optional.empty();
    }
}
