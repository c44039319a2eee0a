package org.corridor.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.notification.NotificationTrail;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;

/**
 * The student's last requests, newest first, each with the class it left, who it was sent
 * to, whether their screen showed it and whether they opened it, and how it ended. Passes
 * past the retention period are gone, so they are not listed.
 */
@Component
class RecentRequests {

    static final int DEFAULT_LIMIT = 20;
    static final int MOST = 100;

    private final PassRepository passes;

    private final SectionRepository sections;

    private final PersonRepository people;

    private final LocationRepository locations;

    private final NotificationTrail trail;

    RecentRequests(PassRepository passes, SectionRepository sections, PersonRepository people,
            LocationRepository locations, NotificationTrail trail) {
        this.trail = trail;
        this.passes = passes;
        this.sections = sections;
        this.people = people;
        this.locations = locations;
    }

    /**
     * @param teacherId the teacher asked about, or null: each request then says whether
     * it went to them
     */
    List<RoutingAnswer.RecentRequest> of(String districtId, Person student, String teacherId, int limit) {
        List<Pass> found = passes.search(districtId, null, null, student.getId(), null, Limit.of(limit));
        Map<String, Section> sectionById = sections
            .findAllById(found.stream().map(Pass::getDepartingSectionId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Section::getId, Function.identity()));
        Map<String, Person> personById = people
            .findAllById(Stream
                .concat(found.stream().flatMap(p -> Stream.of(p.getRoutedToId(), p.getDecidedById())),
                        sectionById.values().stream().map(Section::getMainTeacherId))
                .filter(Objects::nonNull)
                .distinct()
                .toList())
            .stream()
            .collect(Collectors.toMap(Person::getId, Function.identity(), (a, b) -> a, HashMap::new));
        Map<String, List<NotificationTrail.Delivery>> deliveries = trail.of(districtId,
                found.stream().map(Pass::getId).toList(), true);
        List<String> recipients = deliveries.values()
            .stream()
            .flatMap(List::stream)
            .map(NotificationTrail.Delivery::recipientId)
            .filter(id -> !personById.containsKey(id))
            .distinct()
            .toList();
        if (!recipients.isEmpty()) {
            people.findAllById(recipients).forEach(p -> personById.put(p.getId(), p));
        }
        Map<String, Location> roomById = locations
            .findAllById(found.stream().map(Pass::getDepartingRoomId).filter(Objects::nonNull).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Location::getId, Function.identity()));
        return found.stream().map(pass -> {
            Section section = sectionById.get(pass.getDepartingSectionId());
            return new RoutingAnswer.RecentRequest(pass.getId(), pass.getRequestedAt(), pass.getState(),
                    pass.getPassType(), pass.getChannel(),
                    new RoutingAnswer.DepartingFrom(new RoutingAnswer.Ref(section.getId(), section.getName()),
                            ref(personById.get(section.getMainTeacherId())),
                            ref(roomById.get(pass.getDepartingRoomId()))),
                    ref(personById.get(pass.getRoutedToId())),
                    teacherId == null ? null : teacherId.equals(pass.getRoutedToId()), pass.getDeliveredAt(),
                    pass.getSeenAt(), pass.getReannouncedAt(), pass.getEscalatedAt(), decision(pass, personById),
                    pass.getEndedAt(), pass.getEndReason(),
                    deliveries.getOrDefault(pass.getId(), List.of())
                        .stream()
                        .map(d -> new RoutingAnswer.Delivery(d.notificationId(), d.kind(),
                                ref(personById.get(d.recipientId())), d.createdAt(), d.screenAt(), d.seenAt(),
                                d.attempts()))
                        .toList());
        }).toList();
    }

    /**
     * Null while undecided, and for passes that needed no decision (auto passes, proxy
     * passes).
     */
    private static RoutingAnswer.Decision decision(Pass pass, Map<String, Person> personById) {
        if (pass.getDecidedById() != null) {
            boolean approved = pass.getApprovedAt() != null;
            return new RoutingAnswer.Decision(approved ? "APPROVED" : "DENIED",
                    ref(personById.get(pass.getDecidedById())), approved ? pass.getApprovedAt() : pass.getEndedAt(),
                    approved ? null : pass.getDenyReason());
        }
        if (pass.getState() == PassState.DENIED) {
            return new RoutingAnswer.Decision("DENIED_BY_POLICY", null, pass.getEndedAt(), pass.getDenyReason());
        }
        return null;
    }

    private static RoutingAnswer.Ref ref(Person person) {
        return person == null ? null : new RoutingAnswer.Ref(person.getId(), person.getName());
    }

    private static RoutingAnswer.Ref ref(Location room) {
        return room == null ? null : new RoutingAnswer.Ref(room.getId(), room.getName());
    }

}
