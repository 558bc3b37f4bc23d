package org.evalledger.core;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A UTC timestamp as the wire format writes it: RFC 3339 with a {@code Z} offset and an optional
 * fraction of 1 to 9 digits, for example {@code 2026-06-13T09:30:00Z}.
 *
 * <p>The text is kept exactly as given, so that a record read from a file and written back has
 * the same bytes (and so the same digest); {@link #instant()} gives the point in time.
 * Immutable and thread-safe.
 *
 * @param text the RFC 3339 text, ending in {@code Z}
 */
public record Timestamp(String text) implements Comparable<Timestamp> {
    /** The pattern every timestamp matches. */
    public static final Pattern PATTERN =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    /**
     * @throws IllegalArgumentException when the text does not match {@link #PATTERN} or names no
     *     real date and time (such as February 30th)
     */
    public Timestamp {
        Checks.matches(text, PATTERN, "timestamp");
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp \"" + text + "\" is not a real date and time", e);
        }
    }

    /** Parses RFC 3339 text in UTC ({@code Z}); see {@link #Timestamp(String)}. */
    public static Timestamp parse(String text) {
        return new Timestamp(text);
    }

    /** The timestamp of an instant, written with as many fraction digits as it needs (0, 3, 6 or 9). */
    public static Timestamp of(Instant instant) {
        return new Timestamp(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    /** The point in time. */
    public Instant instant() {
        return Instant.parse(text);
    }

    /** Orders by point in time. */
    @Override
    public int compareTo(Timestamp other) {
        return instant().compareTo(other.instant());
    }

    @Override
    public String toString() {
        return text;
    }
}
