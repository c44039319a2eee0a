package org.corridor.routing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.corridor.problem.InvalidInput;

/**
 * The moment asked about, as the caller wrote it and as the school reads it. An
 * administrator usually thinks in the school's time ("Monday, 9:05"), so a local
 * date-time is read on the school's clock; an instant with an offset or Z is taken as it
 * is.
 */
final class SchoolClock {

    private static final DateTimeFormatter SCHOOL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /**
     * Longer than any date-time ISO-8601 writes; a longer value is refused before it is
     * parsed.
     */
    private static final int LONGEST = 64;

    private static final int FIRST_YEAR = 1970;

    private static final int LAST_YEAR = 9999;

    private SchoolClock() {
    }

    /**
     * @param at ISO-8601: an instant ({@code 2026-11-23T14:05:00Z}, or with an offset) or
     * a local date-time ({@code 2026-11-23T09:05}) read in the school's time zone
     */
    static Instant read(String at, ZoneId zone) {
        String written = at.strip();
        if (written.isEmpty() || written.length() > LONGEST) {
            throw unreadable(at);
        }
        // An unencoded '+' of an offset arrives as a space in a query string.
        written = written.replace(' ', '+');
        try {
            Instant instant;
            if (written.endsWith("Z") || written.endsWith("z")) {
                instant = Instant.parse(written.toUpperCase(Locale.ROOT));
            }
            else if (written.lastIndexOf('+') > 0 || written.lastIndexOf('-') > written.indexOf('T')) {
                instant = OffsetDateTime.parse(written).toInstant();
            }
            else {
                instant = LocalDateTime.parse(written).atZone(zone).toInstant();
            }
            // Far-off years cannot be read on a school clock (and no bell rings then).
            int year = instant.atZone(zone).getYear();
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw unreadable(at);
            }
            return instant;
        }
        catch (DateTimeException e) {
            throw unreadable(at);
        }
    }

    /** "Mon 09:05" on the school's clock. */
    static String schoolTime(Instant at, ZoneId zone) {
        return SCHOOL_TIME.format(at.atZone(zone));
    }

    /** The day on the school's calendar, "2026-11-23"; "an unknown day" for none. */
    static String day(Instant at, ZoneId zone) {
        return at == null ? "an unknown day" : at.atZone(zone).toLocalDate().toString();
    }

    /** "Friday 11 December": the last day of a cover. */
    static String weekday(java.time.LocalDate day) {
        return WEEKDAY.format(day);
    }

    /** "09:05". */
    static String clock(LocalTime time) {
        return CLOCK.format(time);
    }

    private static RuntimeException unreadable(String at) {
        String shown = at.length() > LONGEST ? at.substring(0, LONGEST) + "…" : at;
        return InvalidInput.field("at", "'" + shown + "' is not a time: write an instant such as "
                + "2026-11-23T14:05:00Z, or a date and time on the school's clock such as 2026-11-23T09:05.");
    }

}
