package org.corridor.school;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/** A school keeps its own clock: periods and "today" are read in its time zone. */
@Entity
public class School extends Identified {
    private String districtId;
    private String name;
    private String timeZone;
    private int longRunningMinutes = 10;
    private int autoEndMinutes = 45;
    private int requestExpiryMinutes = 15;
    private String countedPassTypes = "REGULAR,AUTO,PROXY";

    protected School() {
    }

    public School(String districtId, String name, ZoneId timeZone) {
        this.districtId = districtId;
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public String getDistrictId() { return districtId; }
    public String getName() { return name; }
    public ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    public int getLongRunningMinutes() { return longRunningMinutes; }
    public int getAutoEndMinutes() { return autoEndMinutes; }
    public int getRequestExpiryMinutes() { return requestExpiryMinutes; }

    /** The pass type names that count towards a student's daily and weekly limits. */
    public List<String> getCountedPassTypes() {
        return Arrays.stream(countedPassTypes.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
