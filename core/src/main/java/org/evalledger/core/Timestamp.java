package org.evalledger.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
        if (text == null || !hasShape(text)) { // hasShape accepts exactly what PATTERN matches
            Checks.required(text, "timestamp");
            throw Checks.mismatch("timestamp", PATTERN.pattern(), text);
        }
        if (plainInstant(text) == null) { // not a plain date and time: Instant.parse decides
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp \"" + text + "\" is not a real date and time", e);
            }
        }
    }

    /** Parses RFC 3339 text in UTC ({@code Z}); see {@link #Timestamp(String)}. */
    public static Timestamp parse(String text) {
        return new Timestamp(text);
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds: the years ISO_INSTANT writes with four digits and no sign. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    /** The timestamp of an instant, written with as many fraction digits as it needs (0, 3, 6 or 9). */
    public static Timestamp of(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < FIRST_FOUR_DIGIT_SECOND || second > LAST_FOUR_DIGIT_SECOND) {
            return new Timestamp(DateTimeFormatter.ISO_INSTANT.format(instant)); // a signed year: the formatter's text
        }
        return new Timestamp(isoInstant(second, instant.getNano()));
    }

    /**
     * What {@code DateTimeFormatter.ISO_INSTANT} writes for an instant of a four-digit year, without
     * the formatter (which a table's import called thousands of times): the date and time, then the
     * nanoseconds in no, three, six or nine digits, as few as hold them exactly.
     */
    static String isoInstant(long second, int nano) {
        long day = Math.floorDiv(second, 86_400L);
        int ofDay = (int) Math.floorMod(second, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] c = new char[20 + (digits == 0 ? 0 : digits + 1)];
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, ofDay / 3_600, 2);
        c[13] = ':';
        put(c, 14, ofDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, ofDay % 60, 2);
        if (digits > 0) {
            c[19] = '.';
            put(c, 20, nano / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1), digits);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    /** Writes v in exactly {@code width} decimal digits at c[at]. */
    private static void put(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /** The point in time. */
    public Instant instant() {
        Instant plain = plainInstant(text);
        return plain != null ? plain : Instant.parse(text);
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

    /**
     * Whether the text matches {@link #PATTERN}, checked character by character: 4-2-2 digits of the
     * date, {@code T}, 2:2:2 digits of the time, an optional point with 1 to 9 digits, {@code Z}.
     */
    static boolean hasShape(String t) {
        int n = t.length();
        if (n != 20 && (n < 22 || n > 30)) {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = t.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        if (n > 20) {
            if (t.charAt(19) != '.') {
                return false;
            }
            for (int i = 20; i < n - 1; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
        }
        return t.charAt(n - 1) == 'Z';
    }

    /**
     * The instant of text of {@link #hasShape the pattern's shape} that names a plain date and time
     * (a real day of its month, hour 0–23, minute and second 0–59), computed from its digits;
     * {@code null} for anything else (such as a leap second, hour 24 or February 30th), which
     * {@link Instant#parse} then decides, so that values and exceptions are always {@code Instant.parse}'s.
     */
    static @Nullable Instant plainInstant(String t) {
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nano = 0;
        int end = t.length() - 1; // the Z
        for (int i = 20; i < 29; i++) { // fraction digits, padded with zeros to 9
            nano = nano * 10 + (i < end ? t.charAt(i) - '0' : 0);
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nano);
    }

    /** The number written by the ASCII digits t[from, to). */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }
}
