package org.evalledger.interop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evalledger.core.Timestamp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A leaderboard's date cell: {@link LeaderboardImporter#timestamp} takes a canonical timestamp as
 * it is, and must give what parsing every cell gives (an offset date and time, else a date, else
 * nothing), for real and impossible dates, leap seconds, hour 24, fractions and offsets alike.
 */
class LeaderboardTimestampTest {
    @Test
    void aCanonicalCellIsTheTimestampOfItsText() {
        assertEquals(Timestamp.parse("2024-05-05T12:22:44Z"), LeaderboardImporter.timestamp("2024-05-05T12:22:44Z"));
    }

    @Test
    void otherCellsAreParsed() {
        assertEquals(Timestamp.parse("2024-05-05T11:22:44.500Z"), LeaderboardImporter.timestamp("2024-05-05T12:22:44.5+01:00"));
        assertEquals(Timestamp.parse("2024-02-29T00:00:00Z"), LeaderboardImporter.timestamp("2024-02-29"));
        assertEquals(null, LeaderboardImporter.timestamp("2023-02-29T00:00:00Z"));
        assertEquals(null, LeaderboardImporter.timestamp("2024-06-30T23:59:60Z"));
    }

    @Test
    void aCellWhoseInstantATimestampCannotWriteIsNoDate() {
        // in UTC the year -0001 and the year 10000: no four-digit year, so no timestamp (before, the whole table failed)
        assertEquals(null, LeaderboardImporter.timestamp("0000-01-01T00:00:00+01:00"));
        assertEquals(null, LeaderboardImporter.timestamp("9999-12-31T23:30:00-01:00"));
        assertEquals(Timestamp.parse("0000-01-01T00:00:00Z"), LeaderboardImporter.timestamp("0000-01-01T01:00:00+01:00"));
        assertEquals(Timestamp.parse("9999-12-31T23:59:59Z"), LeaderboardImporter.timestamp("9999-12-31T22:59:59-01:00"));
    }

    @Property(tries = 5_000)
    void givesWhatParsingTheCellGives(@ForAll("cells") String cell) {
        assertEquals(parsed(cell), LeaderboardImporter.timestamp(cell));
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<Integer> year = Arbitraries.of(0, 1, 1999, 2000, 2023, 2024, 9999);
        Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 32);
        Arbitrary<Integer> hour = Arbitraries.of(0, 9, 23, 24, 25);
        Arbitrary<Integer> minute = Arbitraries.of(0, 30, 59, 60);
        Arbitrary<Integer> second = Arbitraries.of(0, 44, 59, 60, 61);
        Arbitrary<String> fraction = Arbitraries.of("", "", ".5", ".000", ".120", ".123456789", ".1234567891");
        Arbitrary<String> zone = Arbitraries.of("Z", "Z", "Z", "+01:00", "-00:00", "+00:00", "", "z");
        Arbitrary<String> dateTime = Combinators.combine(year, month, day, hour, minute, second, fraction, zone)
                .as((y, mo, d, h, mi, s, f, z) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h, mi, s, f, z));
        Arbitrary<String> date = Combinators.combine(year, month, day).as((y, mo, d) -> String.format("%04d-%02d-%02d", y, mo, d));
        return Arbitraries.oneOf(dateTime, dateTime, dateTime, date, Arbitraries.of("", "n/a", "2024-05-05 12:22:44", "12345"));
    }

    /**
     * What the importer did with every date cell before it took canonical ones as they are, with an
     * instant that no four-digit year can write counted as no date.
     */
    private static @Nullable Timestamp parsed(String s) {
        try {
            return Timestamp.of(OffsetDateTime.parse(s).toInstant());
        } catch (IllegalArgumentException e) { // Timestamp.of's range; DateTimeParseException is not one
            return null;
        } catch (DateTimeParseException e) {
            try {
                return Timestamp.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
