package org.corridor.school;

import java.time.ZoneId;

/**
 * What a school's requests read of it and change a few times a year: its district, time
 * zone and settings. Never its emergency, which must stop the very next request and is
 * read from the database each time.
 */
public record HeldSchool(String id, String districtId, ZoneId timeZone, SchoolSettings settings) {

    static HeldSchool of(School school) {
        return new HeldSchool(school.getId(), school.getDistrictId(), school.getTimeZone(), SchoolSettings.of(school));
    }

    /** Whether the school's hallway limit counts this kind of traffic. */
    public boolean limitsHallTraffic(HallTraffic traffic) {
        return settings.maxStudentsOut() > 0 && settings.hallLimitCounts().contains(traffic);
    }

}
