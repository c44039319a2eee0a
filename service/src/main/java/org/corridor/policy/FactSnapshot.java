package org.corridor.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.corridor.rules.Accommodation;
import org.corridor.rules.DestinationStatus;
import org.corridor.rules.HallStatus;
import org.corridor.rules.NoContactOut;
import org.corridor.rules.PassRequest;
import org.corridor.rules.PeriodTiming;
import org.corridor.rules.StudentUsage;

/**
 * The facts the rules saw for one pass, as plain values. Stored with the pass (so a draft
 * can be replayed against what really happened) and typed in by an administrator for a
 * dry-run.
 */
public record FactSnapshot(Request request, Usage usage, Destination destination, Hall hall,
        List<Partner> noContactPartnersOut, Timing period, List<Exemption> accommodations) {

    public record Request(String passId, String studentId, String type, String channel, String destinationId,
            String departingFromSectionId, LocalDate date) {
    }

    public record Usage(int passesToday, int passesThisWeek, Integer minutesSinceLastPass) {
    }

    public record Destination(String id, String name, int capacity, int occupancy, boolean open) {
    }

    public record Hall(String schoolId, int studentsOut) {
    }

    public record Partner(String studentId, String name, String destination) {
    }

    public record Timing(String periodName, int minutesSinceStart, int minutesToEnd) {
    }

    public record Exemption(String ruleName, LocalDate from, LocalDate until) {
    }

    /** The fact objects handed to the rules. Absent parts are simply not inserted. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        String studentId = request == null ? null : request.studentId();
        if (request != null) {
            facts.add(new PassRequest(request.passId(), studentId, request.type(), request.channel(),
                    request.destinationId(), request.departingFromSectionId(), request.date()));
        }
        if (usage != null) {
            facts.add(new StudentUsage(studentId, usage.passesToday(), usage.passesThisWeek(),
                    usage.minutesSinceLastPass() == null ? StudentUsage.NO_PASS_YET : usage.minutesSinceLastPass()));
        }
        if (destination != null) {
            facts.add(new DestinationStatus(destination.id(), destination.name(), destination.capacity(),
                    destination.occupancy(), destination.open()));
        }
        if (hall != null) {
            facts.add(new HallStatus(hall.schoolId(), hall.studentsOut()));
        }
        if (noContactPartnersOut != null) {
            noContactPartnersOut
                .forEach(p -> facts.add(new NoContactOut(studentId, p.studentId(), p.name(), p.destination())));
        }
        if (period != null) {
            facts.add(new PeriodTiming(period.periodName(), period.minutesSinceStart(), period.minutesToEnd()));
        }
        if (accommodations != null) {
            accommodations.forEach(a -> facts.add(new Accommodation(studentId, a.ruleName(), a.from(), a.until())));
        }
        return facts;
    }
}
