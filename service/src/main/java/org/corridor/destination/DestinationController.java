package org.corridor.destination;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.person.PersonRepository;
import org.corridor.problem.ApiProblem;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

@RestController
class DestinationController {
    private final SchoolRepository schools;
    private final LocationRepository locations;
    private final PassRepository passes;
    private final PersonRepository people;

    DestinationController(SchoolRepository schools, LocationRepository locations, PassRepository passes,
                          PersonRepository people) {
        this.schools = schools;
        this.locations = locations;
        this.passes = passes;
        this.people = people;
    }

    /** A capacity of null means the destination takes any number of students. */
    record DestinationView(String id, String name, Integer capacity, int occupancy, boolean open,
                           boolean autoPassAllowed, String teacher) {
    }

    @GetMapping("/api/schools/{schoolId}/destinations")
    @Transactional(readOnly = true)
    List<DestinationView> destinations(Caller caller, @PathVariable String schoolId) {
        schools.findByIdAndDistrictId(schoolId, caller.districtId())
                .orElseThrow(() -> ApiProblem.notFound("School", schoolId));
        List<Location> destinations = locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId);
        Map<String, Long> out = passes.findAt(destinations.stream().map(Location::getId).toList(), PassState.OUT)
                .stream().collect(Collectors.groupingBy(p -> p.getDestinationId(), Collectors.counting()));
        return destinations.stream().map(d -> new DestinationView(d.getId(), d.getName(),
                d.getCapacity() > 0 ? d.getCapacity() : null, out.getOrDefault(d.getId(), 0L).intValue(),
                d.isOpen(), d.isAutoPassAllowed(),
                d.getTeacherId() == null ? null : people.getReferenceById(d.getTeacherId()).getName())).toList();
    }
}
