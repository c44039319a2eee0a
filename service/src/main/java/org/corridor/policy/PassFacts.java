package org.corridor.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.rules.DestinationStatus;
import org.corridor.rules.NoContactOut;
import org.corridor.rules.PassRequest;
import org.corridor.rules.StudentUsage;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;

/** Loads, in a handful of indexed queries, everything the rules may reason about for one pass. */
@Component
class PassFacts {
    private final PassRepository passes;
    private final LocationRepository locations;
    private final SchoolRepository schools;
    private final PersonRepository people;
    private final NoContactPairRepository noContact;
    private final Clock clock;

    PassFacts(PassRepository passes, LocationRepository locations, SchoolRepository schools,
              PersonRepository people, NoContactPairRepository noContact, Clock clock) {
        this.passes = passes;
        this.locations = locations;
        this.schools = schools;
        this.people = people;
        this.noContact = noContact;
        this.clock = clock;
    }

    List<Object> of(Pass pass) {
        List<Object> facts = new ArrayList<>();
        School school = schools.getReferenceById(pass.getSchoolId());
        facts.add(new PassRequest(pass.getId(), pass.getStudentId(), pass.getPassType().name(),
                pass.getChannel().name(), pass.getDestinationId(), pass.getDepartingSectionId(),
                LocalDate.now(clock.withZone(school.getTimeZone()))));
        int today = passesToday(pass);
        facts.add(new StudentUsage(pass.getStudentId(), today, today, StudentUsage.NO_PASS_YET));
        Location destination = locations.getReferenceById(pass.getDestinationId());
        int occupancy = passes.countAt(destination.getId(), PassState.OUT, pass.getId());
        facts.add(new DestinationStatus(destination.getId(), destination.getName(), destination.getCapacity(),
                occupancy, destination.isOpen()));
        facts.addAll(noContactPartnersOut(pass));
        return facts;
    }

    private int passesToday(Pass pass) {
        School school = schools.getReferenceById(pass.getSchoolId());
        Instant startOfDay = LocalDate.now(clock.withZone(school.getTimeZone()))
                .atStartOfDay(school.getTimeZone()).toInstant();
        return passes.countStartedSince(pass.getStudentId(), startOfDay, PassState.USED, pass.getId());
    }

    private List<NoContactOut> noContactPartnersOut(Pass pass) {
        List<String> partnerIds = noContact.partnersOf(pass.getStudentId());
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<Pass> out = passes.findOfStudents(partnerIds, PassState.OUT);
        if (out.isEmpty()) {
            return List.of();
        }
        Map<String, Person> partners = people.findAllById(out.stream().map(Pass::getStudentId).toList()).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        Map<String, Location> where = locations.findAllById(out.stream().map(Pass::getDestinationId).toList())
                .stream().collect(Collectors.toMap(Location::getId, Function.identity()));
        return out.stream().map(p -> new NoContactOut(pass.getStudentId(), p.getStudentId(),
                partners.get(p.getStudentId()).getName(), where.get(p.getDestinationId()).getName())).toList();
    }
}
