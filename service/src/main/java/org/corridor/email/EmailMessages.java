package org.corridor.email;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.notification.NotificationKind;
import org.corridor.notification.NotificationPreferences;
import org.corridor.notification.NotificationSent;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.school.EndedBySystemEmails;
import org.corridor.school.EscalationEmails;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;

/**
 * Whether a notification is emailed to its recipient, and what the email says. Only staff
 * with an email address are emailed, only for what the school's settings name and the
 * person has not turned off. About a student an email says no more than their first name
 * and last initial, where they went and when: never their number, notes, flags or
 * accommodations.
 */
@Component
class EmailMessages {

    static final String PREFERENCES_PAGE = "/notification-preferences.html";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ENGLISH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final PersonRepository people;

    private final PassRepository passes;

    private final SchoolRepository schools;

    private final LocationRepository locations;

    private final NotificationPreferences preferences;

    private final EmailSettings settings;

    EmailMessages(PersonRepository people, PassRepository passes, SchoolRepository schools,
            LocationRepository locations, NotificationPreferences preferences, EmailSettings settings) {
        this.people = people;
        this.passes = passes;
        this.schools = schools;
        this.locations = locations;
        this.preferences = preferences;
        this.settings = settings;
    }

    /** The email for this notification, or empty when it is not emailed. */
    @Transactional(readOnly = true)
    Optional<Email> compose(NotificationSent sent) {
        Person to = people.findByIdAndDistrictId(sent.recipientId(), sent.districtId()).orElse(null);
        if (to == null || to.isRemoved() || !StringUtils.hasText(to.getEmail())
                || !(to.has(Role.TEACHER) || to.has(Role.ADMIN)) || !preferences.wantsEmail(to.getId(), sent.kind())) {
            return Optional.empty();
        }
        return switch (sent.kind()) {
            case REQUEST_ESCALATED -> pass(sent).flatMap(pass -> escalated(sent, to, pass));
            case ENDED_BY_SYSTEM -> pass(sent).flatMap(pass -> endedBySystem(sent, to, pass));
            case EMERGENCY -> sent.passId() == null ? Optional.of(emergency(sent, to)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<Email> escalated(NotificationSent sent, Person to, Pass pass) {
        School school = schools.getReferenceById(pass.getSchoolId());
        if (school.getEmailEscalationsTo() == EscalationEmails.NOBODY) {
            return Optional.empty();
        }
        String student = shortName(pass.getStudentId());
        String destination = destination(pass);
        String teacher = people.findById(pass.getRoutedToId()).map(Person::getName).orElse("their teacher");
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(student + " asked at " + time(school, pass.getRequestedAt()) + " to go to " + destination
                + ". The request went to " + teacher + ", who has not opened it yet.");
        paragraphs.add("You can approve, deny or cancel it in Corridor"
                + (to.has(Role.ADMIN) ? ", under Escalated requests." : ", on the Requests tab of My class."));
        paragraphs.add(day(school, pass.getRequestedAt()));
        return Optional.of(email(sent, to, "Unopened request: " + student + " to " + destination, paragraphs,
                to.has(Role.ADMIN) ? "/admin-requests.html" : "/teacher.html",
                to.has(Role.ADMIN) ? "Open Escalated requests" : "Open My class",
                school.getName() + " emails escalated requests to the people they go to."));
    }

    private Optional<Email> endedBySystem(NotificationSent sent, Person to, Pass pass) {
        School school = schools.getReferenceById(pass.getSchoolId());
        if (school.getEmailEndedBySystemTo() == EndedBySystemEmails.NOBODY || to.getId().equals(pass.getStudentId())) {
            return Optional.empty();
        }
        String student = shortName(pass.getStudentId());
        Instant ended = pass.getEndedAt() != null ? pass.getEndedAt() : sent.createdAt();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(student + " left for " + destination(pass) + " at " + time(school, pass.getStartedAt())
                + " and was still out at " + time(school, ended)
                + ", when Corridor ended the pass at the school's limit" + " of " + school.getAutoEndMinutes()
                + " minutes out.");
        paragraphs.add("Corridor has told the student to go back to class. If they have not come back, follow your "
                + "school's procedure for a student who is missing.");
        paragraphs.add(day(school, ended));
        return Optional.of(email(sent, to, "Pass ended by the time limit: " + student, paragraphs,
                to.has(Role.ADMIN) && !to.has(Role.TEACHER) ? "/admin.html" : "/teacher.html", "Open Corridor",
                school.getName() + " emails a pass ended by the time limit to the teacher the student left."));
    }

    /**
     * An emergency's notice names no student: its text is the notice's own (see
     * emergency.EmergencyNotices), and who receives it was decided when it was sent.
     */
    private Email emergency(NotificationSent sent, Person to) {
        School school = to.getSchoolId() != null ? schools.findById(to.getSchoolId()).orElse(null) : null;
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(sent.body());
        paragraphs.add(school != null ? day(school, sent.createdAt()) : "Times are the school's.");
        return email(sent, to, sent.title(), paragraphs, to.has(Role.ADMIN) ? "/admin-emergency.html" : "/teacher.html",
                to.has(Role.ADMIN) ? "Open Emergency" : "Open My class",
                "Your school tells its staff of an emergency declared or cleared.");
    }

    private Email email(NotificationSent sent, Person to, String subject, List<String> paragraphs, String screen,
            String screenLabel, String why) {
        List<Email.Link> links = new ArrayList<>();
        String screenLink = settings.link(screen);
        if (screenLink != null) {
            links.add(new Email.Link(screenLabel, screenLink));
        }
        String preferencesLink = settings.link(PREFERENCES_PAGE);
        List<String> all = new ArrayList<>(paragraphs);
        all.add(why + " To stop these emails, turn them off in Corridor under Email notifications"
                + (preferencesLink != null ? "." : " (in the notification centre)."));
        if (preferencesLink != null) {
            links.add(new Email.Link("Email notifications", preferencesLink));
        }
        return new Email(sent.notificationId(), to.getEmail(), "[Corridor] " + subject, all, links);
    }

    private Optional<Pass> pass(NotificationSent sent) {
        return sent.passId() == null ? Optional.empty()
                : passes.findByIdAndDistrictId(sent.passId(), sent.districtId());
    }

    /** "Ava A.": enough for a teacher to know whom it is about, and no more. */
    private String shortName(String studentId) {
        return people.findById(studentId)
            .map(p -> p.getGivenName() + (StringUtils.hasText(p.getFamilyName())
                    ? " " + Character.toString(Character.toUpperCase(p.getFamilyName().codePointAt(0))) + "." : ""))
            .orElse("A student");
    }

    private String destination(Pass pass) {
        return locations.findById(pass.getDestinationId()).map(Location::getName).orElse("a destination");
    }

    private static String time(School school, Instant at) {
        return at == null ? "an unknown time" : TIME.format(at.atZone(school.getTimeZone()));
    }

    private static String day(School school, Instant at) {
        return "On " + DAY.format(at.atZone(school.getTimeZone())) + "; times are " + school.getName() + "'s ("
                + school.getTimeZone().getId() + ").";
    }

}
