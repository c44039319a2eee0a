package org.corridor.location;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.person.PersonRepository;
import org.corridor.problem.ApiProblem;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * The places of a school students may ask to go to, with how many are out at each now:
 * the counters the rules and auto passes read ({@link Occupancy}), never a count of
 * passes that could tell another story.
 */
@Service
class Destinations {

    private final SchoolRepository schools;

    private final LocationRepository locations;

    private final Occupancy occupancy;

    private final PersonRepository people;

    Destinations(SchoolRepository schools, LocationRepository locations, Occupancy occupancy, PersonRepository people) {
        this.schools = schools;
        this.locations = locations;
        this.occupancy = occupancy;
        this.people = people;
    }

    /** A capacity of null means the destination takes any number of students. */
    record DestinationView(String id, String name, @Schema(nullable = true) Integer capacity, int occupancy,
            boolean open, boolean autoPassAllowed, @Schema(nullable = true) String teacher) {
    }

    @Transactional(readOnly = true)
    List<DestinationView> of(Caller caller, String schoolId) {
        schools.findByIdAndDistrictId(schoolId, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("School", schoolId));
        List<Location> destinations = locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId);
        Map<String, Integer> out = occupancy.outNowAt(schoolId);
        return destinations.stream()
            .map(d -> new DestinationView(d.getId(), d.getName(), d.getCapacity() > 0 ? d.getCapacity() : null,
                    out.getOrDefault(d.getId(), 0), d.isOpen(), d.isAutoPassAllowed(),
                    d.getTeacherId() == null ? null : people.getReferenceById(d.getTeacherId()).getName()))
            .toList();
    }

}
