package org.corridor.school;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/** A period of the bell schedule. A period that ends at 00:00 runs until midnight. */
@Entity
public class SchoolPeriod extends Identified {

    private String schoolId;

    private String name;

    private LocalTime startsAt;

    private LocalTime endsAt;

    private String schoolDays;

    protected SchoolPeriod() {
    }

    public SchoolPeriod(String schoolId, String name, LocalTime startsAt, LocalTime endsAt, Set<DayOfWeek> days) {
        this.schoolId = schoolId;
        this.name = name;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.schoolDays = days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    public String getName() {
        return name;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public Set<DayOfWeek> getDays() {
        return days(schoolDays);
    }

    /** The days of a stored {@code school_days} column ("MON,TUE,WED"). */
    public static Set<DayOfWeek> days(String schoolDays) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(schoolDays.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .forEach(abbr -> Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().startsWith(abbr))
                .forEach(days::add));
        return days;
    }

    /**
     * @param now the moment, already in the school's time zone
     */
    public boolean isInSession(ZonedDateTime now) {
        if (!getDays().contains(now.getDayOfWeek())) {
            return false;
        }
        LocalTime time = now.toLocalTime();
        boolean beforeEnd = endsAt.equals(LocalTime.MIDNIGHT) || time.isBefore(endsAt);
        return !time.isBefore(startsAt) && beforeEnd;
    }

}
