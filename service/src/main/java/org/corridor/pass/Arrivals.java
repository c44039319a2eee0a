package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Role;
import org.corridor.reads.ReadLog;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * What a teacher who staffs a destination (Mr Okafor, the Library) needs on opening the
 * screen: who is coming and who is in the room now, scoped to the destinations of the
 * caller's own school whose teacher they are. A check-in completes a pass, so "in the
 * room now" is the passes checked in at the destination since the period in session began
 * (the start of the school day when no period is in session, or the period runs all day).
 */
@Service
public class Arrivals {

    private final LocationRepository locations;

    private final PassRepository passes;

    private final SchoolRepository schools;

    private final SchoolPeriodRepository periods;

    private final PassViews views;

    private final ReadLog reads;

    private final Clock clock;

    Arrivals(LocationRepository locations, PassRepository passes, SchoolRepository schools,
            SchoolPeriodRepository periods, PassViews views, ReadLog reads, Clock clock) {
        this.locations = locations;
        this.passes = passes;
        this.schools = schools;
        this.periods = periods;
        this.views = views;
        this.reads = reads;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ArrivalsView of(Caller caller) {
        caller.require(Role.TEACHER, "see who arrives at their destinations");
        if (caller.schoolId() == null) {
            return new ArrivalsView(List.of());
        }
        School school = schools.findByIdAndDistrictId(caller.schoolId(), caller.districtId()).orElse(null);
        if (school == null) {
            return new ArrivalsView(List.of());
        }
        List<Location> mine = locations.findBySchoolIdAndDestinationTrueOrderByName(school.getId())
            .stream()
            .filter(l -> caller.id().equals(l.getTeacherId()))
            .toList();
        if (mine.isEmpty()) {
            return new ArrivalsView(List.of());
        }
        Instant since = hereSince(school);
        List<String> ids = mine.stream().map(Location::getId).toList();
        Map<String, List<Pass>> out = passes.outTo(caller.districtId(), ids, PassState.OUT)
            .stream()
            .collect(Collectors.groupingBy(Pass::getDestinationId));
        Map<String, List<Pass>> here = passes.checkedInAt(caller.districtId(), ids, since)
            .stream()
            .collect(Collectors.groupingBy(Pass::getDestinationId));
        reads.students(caller, ReadLog.What.LIST, "GET /api/arrivals", null,
                Stream.concat(out.values().stream(), here.values().stream())
                    .flatMap(List::stream)
                    .map(Pass::getStudentId)
                    .distinct()
                    .toList());
        return new ArrivalsView(mine.stream()
            .map(l -> new ArrivalsView.DestinationArrivals(new PassView.Ref(l.getId(), l.getName()), l.getCapacity(),
                    out.getOrDefault(l.getId(), List.of())
                        .stream()
                        .sorted(Comparator.comparing(Pass::getStartedAt,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                        .map(p -> views.of(p, caller))
                        .toList(),
                    here.getOrDefault(l.getId(), List.of())
                        .stream()
                        .sorted(Comparator.comparing(Pass::getEndedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .map(p -> views.of(p, caller))
                        .toList(),
                    since))
            .toList());
    }

    private Instant hereSince(School school) {
        ZonedDateTime now = clock.instant().atZone(school.getTimeZone());
        LocalTime start = periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId())
            .stream()
            .filter(p -> p.isInSession(now) && !p.getStartsAt().equals(p.getEndsAt()))
            .map(SchoolPeriod::getStartsAt)
            .max(Comparator.naturalOrder())
            .orElse(LocalTime.MIDNIGHT);
        return now.toLocalDate().atTime(start).atZone(school.getTimeZone()).toInstant();
    }

}
