package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Timestamp}'s hand-written shape check and parse against what they replace: {@link Timestamp#PATTERN}
 * and {@link Instant#parse}, over valid and invalid texts of the pattern's shape and over texts around it.
 */
class TimestampPropertiesTest {

    /**
     * A timestamp behaves as {@code Instant.parse} says: the same instant, or an IllegalArgumentException
     * with the former message whose cause is the parse exception; and the hand-written parse handles
     * every plain date and time itself (so the comparison exercises it), leaving only the rest to Instant.parse.
     */
    private static void assertAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Timestamp(text), text);
            assertEquals("timestamp \"" + text + "\" is not a real date and time", thrown.getMessage());
            assertInstanceOf(DateTimeParseException.class, thrown.getCause());
            assertEquals(e.getMessage(), thrown.getCause().getMessage());
            assertNull(Timestamp.plainInstant(text), text);
            return;
        }
        Timestamp t = new Timestamp(text);
        assertEquals(expected, t.instant(), text);
        assertEquals(text, t.text());
        int hour = Integer.parseInt(text.substring(11, 13));
        int second = Integer.parseInt(text.substring(17, 19));
        if (hour < 24 && second < 60) {
            assertEquals(expected, Timestamp.plainInstant(text), text);
        } else {
            assertNull(Timestamp.plainInstant(text), text); // hour 24 and leap seconds are Instant.parse's
        }
    }

    private static String two(int v) {
        return (v < 10 ? "0" : "") + v;
    }

    @Test
    void handPickedTexts() {
        List<String> texts = List.of("2026-06-13T09:30:00Z", "2026-06-13T09:30:00.5Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "0000-02-29T12:00:00Z", "0000-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                "2100-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2400-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-06-31T00:00:00Z", "2026-09-31T00:00:00Z", "2026-11-31T00:00:00Z",
                "2026-01-31T00:00:00Z", "2026-12-31T00:00:00Z", "2026-00-10T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-01-00T00:00:00Z", "2026-01-32T00:00:00Z", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z",
                "2016-12-31T23:58:60Z", "2016-12-31T12:59:60Z", "2026-06-13T24:00:00Z", "2026-12-31T24:00:00Z",
                "9999-12-31T24:00:00Z", "2026-06-13T24:00:01Z", "2026-06-13T24:00:00.1Z", "2026-06-13T25:00:00Z",
                "2026-06-13T23:60:00Z", "2026-06-13T23:59:61Z", "2026-06-13T99:99:99Z", "2026-06-13T09:30:00.1Z",
                "2026-06-13T09:30:00.12Z", "2026-06-13T09:30:00.123Z", "2026-06-13T09:30:00.1234Z",
                "2026-06-13T09:30:00.12345Z", "2026-06-13T09:30:00.123456Z", "2026-06-13T09:30:00.1234567Z",
                "2026-06-13T09:30:00.12345678Z", "2026-06-13T09:30:00.123456789Z", "2026-06-13T09:30:00.000000000Z",
                "2026-06-13T09:30:00.000000001Z");
        for (String text : texts) {
            assertAsInstantParse(text);
        }
    }

    @Provide
    Arbitrary<String> patternShaped() {
        Arbitrary<Integer> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999),
                Arbitraries.of(0, 1, 4, 100, 400, 1600, 1700, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999));
        Arbitrary<Integer> month = Arbitraries.oneOf(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 99));
        Arbitrary<Integer> day = Arbitraries.oneOf(Arbitraries.integers().between(1, 31), Arbitraries.integers().between(27, 32),
                Arbitraries.integers().between(0, 99));
        Arbitrary<Integer> hour = Arbitraries.oneOf(Arbitraries.integers().between(0, 23), Arbitraries.of(23, 24, 25, 99));
        Arbitrary<Integer> minute = Arbitraries.oneOf(Arbitraries.integers().between(0, 59), Arbitraries.of(0, 59, 60, 99));
        Arbitrary<Integer> second = Arbitraries.oneOf(Arbitraries.integers().between(0, 59), Arbitraries.of(0, 59, 60, 61, 99));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f),
                Arbitraries.integers().between(1, 9).map(n -> "." + "0".repeat(n)));
        return Combinators.combine(year, month, day, hour, minute, second, fraction).as((y, mo, d, h, mi, s, f) ->
                String.format(Locale.ROOT, "%04d-%s-%sT%s:%s:%s%sZ", y, two(mo), two(d), two(h), two(mi), two(s), f));
    }

    /** Texts of the pattern's shape with every field in and out of its range: the same instants and the same exceptions. */
    @Property(tries = 20000)
    void patternShapedTextsParseAsInstantParseDoes(@ForAll("patternShaped") String text) {
        assertAsInstantParse(text);
    }

    /** Every instant from 0000 to 9999, written as ISO_INSTANT writes it and with its fraction cut to any length. */
    @Property(tries = 5000)
    void anyInstantOfFourDigitYears(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano, @ForAll @IntRange(min = 0, max = 9) int digits) {
        String iso = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second, nano));
        String whole = iso.substring(0, 19);
        String fraction = String.format(Locale.ROOT, "%09d", nano).substring(0, digits);
        String text = whole + (digits == 0 ? "" : "." + fraction) + "Z";
        assertAsInstantParse(text);
        assertEquals(Instant.ofEpochSecond(second, digits == 0 ? 0 : Integer.parseInt(fraction + "0".repeat(9 - digits))),
                new Timestamp(text).instant(), text);
    }

    /**
     * {@link Timestamp#of} writes what {@code ISO_INSTANT} writes, for instants of every year it can
     * hold (signed years go to the formatter) and nanoseconds of every width (whole milli- and
     * microseconds among them, which take three and six digits).
     */
    @Property(tries = 20000)
    void ofWritesWhatIsoInstantWrites(@ForAll("instants") Instant instant) {
        String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
        if (iso.startsWith("+") || iso.startsWith("-")) {
            assertThrows(IllegalArgumentException.class, () -> Timestamp.of(instant), iso); // the pattern has no sign, as before
        } else {
            assertEquals(iso, Timestamp.of(instant).text());
            assertEquals(iso, Timestamp.isoInstant(instant.getEpochSecond(), instant.getNano()));
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> second = Arbitraries.oneOf(Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L),
                Arbitraries.of(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L, 0L, -1L, 86_399L, 86_400L,
                        951_782_400L, 1_709_164_800L, 4_107_542_400L),
                Arbitraries.longs().between(-62_167_219_200L - 86_400L * 800, -62_167_219_200L + 86_400L * 800),
                Arbitraries.longs().between(253_402_300_799L - 86_400L * 800, 253_402_300_799L + 86_400L * 800),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
        Arbitrary<Integer> nano = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(1, 999).map(m -> m * 1_000_000), Arbitraries.integers().between(1, 999_999).map(u -> u * 1_000),
                Arbitraries.of(1, 10, 100, 999_999_999, 100_000_000, 1_000, 999_000, 1_000_000, 999_000_000));
        return Combinators.combine(second, nano).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> nearlyShaped() {
        // a valid text with one character replaced, inserted or removed, from characters the pattern cares about
        // (and some it must not take for digits or letters)
        Arbitrary<Character> c = Arbitraries.of('0', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z', ' ', '+', '/', '\u0663', '\uff10', 'a');
        Arbitrary<String> valid = Arbitraries.of("2026-06-13T09:30:00Z", "2026-06-13T09:30:00.5Z", "2026-06-13T09:30:00.123456789Z",
                "0000-01-01T00:00:00.12Z");
        return Combinators.combine(valid, Arbitraries.integers().between(0, 31), c, Arbitraries.integers().between(0, 2))
                .as((v, at, ch, op) -> {
                    int i = Math.min(at, v.length() - (op == 1 ? 0 : 1));
                    return switch (op) {
                        case 0 -> v.substring(0, i) + ch + v.substring(i + 1);
                        case 1 -> v.substring(0, i) + ch + v.substring(i);
                        default -> v.substring(0, i) + v.substring(i + 1);
                    };
                });
    }

    /** The hand-written shape check accepts exactly what the pattern matches, and a timestamp rejects the rest as before. */
    @Property(tries = 20000)
    void shapeIsThePattern(@ForAll("nearlyShaped") String text) {
        boolean matches = Timestamp.PATTERN.matcher(text).matches();
        assertEquals(matches, Timestamp.hasShape(text), text);
        if (!matches) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Timestamp(text), text);
            assertEquals("timestamp must match " + Timestamp.PATTERN.pattern() + ", got \"" + text + "\"", e.getMessage());
        } else {
            assertAsInstantParse(text);
        }
    }

    /** Short random strings of the pattern's characters, of every length around its 20 to 30. */
    @Property(tries = 20000)
    void shapeIsThePatternForRandomStrings(@ForAll("randomStrings") String text) {
        assertEquals(Timestamp.PATTERN.matcher(text).matches(), Timestamp.hasShape(text), text);
    }

    @Provide
    Arbitrary<String> randomStrings() {
        return Arbitraries.strings().withChars("0123456789-:.TZ").ofMinLength(0).ofMaxLength(32);
    }

    @Test
    void nullIsRequiredAsBefore() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Timestamp(null));
        assertEquals("timestamp is required", e.getMessage());
    }

    @Test
    void plainDatesAreParsedByHand() {
        assertNotNull(Timestamp.plainInstant("2026-06-13T09:30:00Z"));
        assertNull(Timestamp.plainInstant("2016-12-31T23:59:60Z"));
    }
}
