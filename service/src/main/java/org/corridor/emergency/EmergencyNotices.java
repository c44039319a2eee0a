package org.corridor.emergency;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import org.corridor.notification.NotificationKind;
import org.corridor.notification.Notifications;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.school.School;

/**
 * Tells the staff the school's settings name ({@code emailEmergenciesTo}) that an
 * emergency was declared or cleared: a notification each, which is also emailed (see
 * {@code email.EmailOutbox}). The administrator who did it is not told of their own
 * action. Nothing about a student is in it: the emergency screen lists who was out.
 */
@Component
class EmergencyNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Notifications notifications;

    private final PersonRepository people;

    EmergencyNotices(Notifications notifications, PersonRepository people) {
        this.notifications = notifications;
        this.people = people;
    }

    void declared(School school, SchoolEmergency emergency, String byName, int studentsOut, int requestsCancelled) {
        tell(school, emergency.getDeclaredById(), "Emergency declared at " + school.getName(),
                "Declared at " + time(school, emergency.getDeclaredAt()) + " by " + byName + ". Every pass was ended: "
                        + studentsOut + " student(s) were out, " + requestsCancelled
                        + " request(s) cancelled. No request is taken until it is cleared. Follow your school's "
                        + "emergency procedure.");
    }

    void cleared(School school, SchoolEmergency emergency, String byName) {
        tell(school, emergency.getClearedById(), "Emergency cleared at " + school.getName(),
                "Cleared at " + time(school, emergency.getClearedAt()) + " by " + byName + " (declared at "
                        + time(school, emergency.getDeclaredAt()) + "). Students may ask for passes again.");
    }

    private void tell(School school, String actorId, String title, String body) {
        recipients(school).stream()
            .map(Person::getId)
            .filter(id -> !Objects.equals(id, actorId))
            .distinct()
            .forEach(id -> notifications.send(school.getDistrictId(), id, NotificationKind.EMERGENCY, null, title,
                    body));
    }

    private List<Person> recipients(School school) {
        return switch (school.getEmailEmergenciesTo()) {
            case ALL_STAFF -> people.findStaffOf(school.getDistrictId(), school.getId(), Role.TEACHER, Role.ADMIN);
            case ADMINISTRATORS -> people.findResponsibleFor(school.getDistrictId(), school.getId(), Role.ADMIN)
                .stream()
                .filter(p -> !p.isRemoved())
                .toList();
            case NOBODY -> List.of();
        };
    }

    private static String time(School school, Instant at) {
        return TIME.format(at.atZone(school.getTimeZone()));
    }

}
