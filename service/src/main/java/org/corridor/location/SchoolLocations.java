package org.corridor.location;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.school.School;
import org.corridor.school.ManagedSchools;
import org.corridor.security.Caller;

/**
 * A school's rooms and destinations, as administrators set them up: which places students
 * may go to, how many at once, whether they are open, whether auto passes are allowed,
 * and who checks arriving students in. Administrators change them; auditors read them. An
 * administrator or auditor whose account belongs to one school manages only that school
 * (403 for another of the district); a school or location of another district is 404.
 * <p>
 * A change applies to requests made after it: the rules read the destination's capacity
 * and open/closed state when they evaluate a request (and again when the teacher
 * decides), so closing a destination or lowering its capacity flags the next requests but
 * does not end passes already out.
 */
@Service
class SchoolLocations {

    private static final Logger log = LoggerFactory.getLogger(SchoolLocations.class);

    private final ManagedSchools managedSchools;

    private final LocationRepository locations;

    private final PersonRepository people;

    private final LocationReferences references;

    private final PassCounts passes;

    private final Occupancy occupancy;

    SchoolLocations(ManagedSchools managedSchools, LocationRepository locations, PersonRepository people,
            LocationReferences references, PassCounts passes, Occupancy occupancy) {
        this.managedSchools = managedSchools;
        this.locations = locations;
        this.people = people;
        this.references = references;
        this.passes = passes;
        this.occupancy = occupancy;
    }

    /**
     * A destination just made, and the school it was made in (its address names both).
     */
    record Created(String schoolId, LocationView location) {
    }

    /** Every location of the school, classrooms and destinations, by name. */
    @Transactional(readOnly = true)
    List<LocationView> locations(Caller caller, String schoolId) {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.AUDITOR)) {
            throw ApiProblem.forbidden("Only an administrator or an auditor can list a school's locations.");
        }
        School school = school(caller, schoolId);
        List<Location> all = locations.findBySchoolId(school.getId())
            .stream()
            .sorted(Comparator.comparing(Location::getName, String.CASE_INSENSITIVE_ORDER))
            .toList();
        return views(all);
    }

    /**
     * Makes a new destination. A name the school already uses (compared without regard to
     * case) is refused with 409: to make an existing classroom a destination too, change
     * it with PUT and {@code destination: true}.
     */
    @Transactional
    Created create(Caller caller, String schoolId, LocationChange body) {
        caller.require(Role.ADMIN, "create destinations");
        School school = school(caller, schoolId);
        LocationChange.Facts facts = body.forNewDestination(teachers(caller));
        refuseDuplicateName(school, facts.name(), null);
        Location location = Location.destination(school.getId(), facts.name(), facts.capacity());
        facts.applyTo(location);
        saved(location);
        log.info("Destination {} created in school {} by {}{}: capacity {}, open {}, auto passes {}, staffed by {}",
                location.getId(), school.getId(), caller.signedInId(), onBehalf(caller), facts.capacity(), facts.open(),
                facts.autoPassAllowed(), facts.teacherId());
        return new Created(school.getId(), views(List.of(location)).get(0));
    }

    /**
     * A partial update of a room or destination, validated whole: 400 naming each bad
     * field, 409 for a name the school already uses or for turning a destination back
     * into a plain room while passes are headed there. Nothing changes on any refusal.
     */
    @Transactional
    LocationView change(Caller caller, String schoolId, String id, LocationChange body) {
        caller.require(Role.ADMIN, "change locations");
        School school = school(caller, schoolId);
        Location location = location(school, id);
        LocationChange.Facts before = LocationChange.Facts.of(location);
        LocationChange.Facts after = body.mergedWith(before, teachers(caller));
        if (!after.name().equalsIgnoreCase(before.name())) {
            refuseDuplicateName(school, after.name(), location.getId());
        }
        if (before.destination() && !after.destination()) {
            long headed = passes.headedTo(location.getId());
            if (headed > 0) {
                throw ApiProblem.conflict("destination-in-use", "Passes are headed there",
                        headed + " pass(es) are requested, pending, out or booked to this destination, so it cannot "
                                + "become a plain room now. Close it (open: false) to flag new requests, and change "
                                + "it once those passes have ended.")
                    .with("openPasses", headed);
            }
        }
        after.applyTo(location);
        saved(location);
        log.info("Location {} of school {} changed by {}{}: {}", location.getId(), school.getId(), caller.signedInId(),
                onBehalf(caller), changes(before, after));
        return views(List.of(location)).get(0);
    }

    /**
     * Deletes a location nothing refers to (a destination made by mistake). One that any
     * pass, section or kiosk refers to is kept, with a 409 saying what refers to it:
     * passes and their history keep their places.
     */
    @Transactional
    void delete(Caller caller, String schoolId, String id) {
        caller.require(Role.ADMIN, "delete locations");
        School school = school(caller, schoolId);
        Location location = location(school, id);
        List<String> found = references.of(location.getId());
        if (!found.isEmpty()) {
            throw inUse(location.getId(), found);
        }
        try {
            locations.delete(location);
            locations.flush();
        }
        catch (DataIntegrityViolationException raced) {
            // Something began to refer to it after the check: a pass asked for at that
            // moment.
            throw inUse(location.getId(), List.of("a pass or room assignment made at the same moment"));
        }
        log.info("Location {} of school {} deleted by {}{}", location.getId(), school.getId(), caller.signedInId(),
                onBehalf(caller));
    }

    private static ApiProblem inUse(String id, List<String> references) {
        return ApiProblem
            .conflict("location-in-use", "Location in use",
                    "Location " + id + " is referred to by " + String.join(", ", references) + ", so it is kept: "
                            + "passes and their history keep their places. To stop students going there, close it "
                            + "(PUT with open: false); closing it keeps the history.")
            .with("references", references);
    }

    private School school(Caller caller, String id) {
        return managedSchools.find(caller, id);
    }

    private Location location(School school, String id) {
        return locations.findByIdAndSchoolId(id, school.getId()).orElseThrow(() -> ApiProblem.notFound("Location", id));
    }

    /**
     * The person of the caller's district with that id: never one of another district.
     */
    private Function<String, Optional<Person>> teachers(Caller caller) {
        return personId -> people.findByIdAndDistrictId(personId, caller.districtId());
    }

    private void refuseDuplicateName(School school, String name, String exceptId) {
        Optional<Location> same = locations.findBySchoolIdAndNameIgnoreCase(school.getId(), name)
            .stream()
            .filter(l -> !l.getId().equals(exceptId))
            .findFirst();
        if (same.isPresent()) {
            throw duplicateName(same.get().getId(), same.get().isDestination());
        }
    }

    /**
     * Flushes now, so that a name taken at the same moment (the unique key; on MariaDB it
     * ignores case and trailing spaces) is answered here, not at commit.
     */
    private void saved(Location location) {
        try {
            locations.saveAndFlush(location);
        }
        catch (DataIntegrityViolationException raced) {
            throw duplicateName(null, false);
        }
    }

    private static ApiProblem duplicateName(String existingId, boolean existingIsDestination) {
        String message = existingId == null ? "This school already has a location of that name."
                : existingIsDestination ? "This school already has a destination of that name (" + existingId + ")."
                        : "This school already has a room of that name (" + existingId
                                + "). To make it a destination too, " + "PUT /api/admin/schools/{schoolId}/locations/"
                                + existingId + " with destination true.";
        ApiProblem problem = ApiProblem.conflict("duplicate-name", "Name already used", message)
            .with("errors", List.of(new FieldError("name", message)));
        return existingId == null ? problem : problem.with("existingLocationId", existingId);
    }

    private List<LocationView> views(List<Location> list) {
        Map<String, Integer> out = list.isEmpty() ? Map.of() : occupancy.outNowAt(list.get(0).getSchoolId());
        Map<String, Person> staff = people
            .findAllById(list.stream().map(Location::getTeacherId).filter(Objects::nonNull).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Person::getId, p -> p));
        return list.stream()
            .map(l -> new LocationView(l.getId(), l.getName(), l.isDestination(), l.getCapacity(), l.isOpen(),
                    l.isAutoPassAllowed(),
                    l.getTeacherId() == null ? null : staff(l.getTeacherId(), staff.get(l.getTeacherId())),
                    l.isDestination() ? out.getOrDefault(l.getId(), 0) : null))
            .toList();
    }

    private static LocationView.Staff staff(String id, Person person) {
        return new LocationView.Staff(id, person == null ? null : person.getName());
    }

    private static String onBehalf(Caller caller) {
        return caller.isImpersonated() ? " on behalf of " + caller.id() : "";
    }

    /**
     * Only field names and values, never the name itself: no personal data goes to the
     * log.
     */
    private static String changes(LocationChange.Facts before, LocationChange.Facts after) {
        StringBuilder out = new StringBuilder();
        if (!before.name().equals(after.name())) {
            out.append("name");
        }
        change(out, "destination", before.destination(), after.destination());
        change(out, "capacity", before.capacity(), after.capacity());
        change(out, "open", before.open(), after.open());
        change(out, "autoPassAllowed", before.autoPassAllowed(), after.autoPassAllowed());
        change(out, "staffedById", before.teacherId(), after.teacherId());
        return out.isEmpty() ? "nothing changed" : out.toString();
    }

    private static void change(StringBuilder out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.append(out.isEmpty() ? "" : ", ").append(field).append(' ').append(before).append(" -> ").append(after);
        }
    }

}
