package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.location.Location;
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.policy.RuleSet;
import org.corridor.policy.RuleSetRepository;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;
import org.corridor.testing.ApiTest;
import org.corridor.testing.NoPasses;

/**
 * Every endpoint of the API, asked by every kind of caller, once with ids of the caller's
 * own district and once with ids of another district. The callers are all of the demo
 * district: anonymous, a STUDENT (Ava), a TEACHER (Ms Rivera), an ADMIN, an AUDITOR and a
 * KIOSK in Room 204. "Other District" is built here with one of everything (school,
 * period in session, rooms, section, teacher, student, admin, auditor, kiosk, rule sets,
 * passes), so every path variable can be filled from either district.
 * <p>
 * The endpoints are read from Spring's request mappings: an endpoint under {@code /api}
 * without a rule in {@link #RULES} fails {@link #everyEndpointHasAnAuthorizationRule},
 * and a rule whose endpoint is gone fails {@link #everyRuleNamesAnEndpoint}. Each cell of
 * the table is a test of its own.
 *
 * <h2>The table</h2> One rule per endpoint, one line each: <pre>
 * rule("POST /api/passes/{id}/approve", "401 403 200 403 403 403 | 401 404 404 404 404 404").with(PENDING_PASS),
 * rule("GET /api/admin/kiosks", "401 403 403 200 403 403"),
 * rule("GET /api/admin/schools/{id}/settings", "401 403 403 200 200 403 | 401 403 403 404 404 403").ids(District::schoolId),
 * </pre>
 * <ul>
 * <li>The endpoint: method and pattern exactly as Spring maps it.</li>
 * <li>The statuses expected for anonymous, STUDENT, TEACHER, ADMIN, AUDITOR, KIOSK, in
 * that order: first with ids of the caller's district, then, after {@code |}, with ids of
 * Other District. The second group is required when the path has ids, and given too when
 * the body or query takes ids; an endpoint that takes no id has one group and is asked
 * once per caller. What the product should answer, decided per endpoint: 401 without
 * credentials; 403 for a role that may never use the endpoint (whatever the id, so it
 * tells nothing about other districts); 404 for another district's id in the path (never
 * 403, which would confirm that it exists); an id of another district in a body or query
 * is answered as an unknown id is (400 naming the field, or a filter that matches
 * nothing).</li>
 * <li>Where the ids come from, when the pattern has variables:
 * {@code .ids(District::schoolId)} fills them in order from the district of the cell;
 * {@code .with(SETUP)} makes a fresh object for each cell (a pending pass, a kiosk, a
 * draft rule set, ...) and fills the variables with its id, so that no cell depends on
 * another ({@code .with} without variables only prepares the state).</li>
 * <li>{@code .body(cell -> ...)} a minimal valid body, {@code .query(cell -> "?...")} a
 * query string, so that the status is about who asks and not about validation.</li>
 * </ul>
 * Every answer is also checked not to name anybody of Other District (their family name
 * is "Otherby"), whatever its status.
 * <p>
 * Runs on its own in-memory H2 database: the matrix changes the demo district's settings,
 * rule sets and kiosks, which other tests must not see.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:corridor-matrix;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=authorizationMatrix" })
class AuthorizationMatrixTest extends ApiTest {

    private static final String OTHER_DISTRICT = "Other District";

    /**
     * Everybody of Other District has this family name: no answer to a demo caller may
     * contain it.
     */
    private static final String OTHER_FAMILY = "Otherby";

    private static final int OTHER_RULE_VERSION = 900;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who calls. Every caller is of the demo district. */
    enum Who {

        ANONYMOUS, STUDENT, TEACHER, ADMIN, AUDITOR, KIOSK

    }

    /**
     * One district's fixture: the ids a cell fills its request with, and its people's
     * sign-in emails.
     */
    record District(String name, String districtId, String schoolId, String sectionId, String roomId, String restroomId,
            String studentNumber, int ruleVersion, Map<Who, String> emails, Map<Who, String> personIds,
            String kioskToken, String periodName) {
        String studentId() {
            return personIds.get(Who.STUDENT);
        }

        String teacherId() {
            return personIds.get(Who.TEACHER);
        }
    }

    /** A file sent as multipart/form-data under the field name. */
    record Upload(String field, String fileName, byte[] content) {
    }

    /**
     * One cell: the district whose ids it uses, who calls, and the id its setup made (or
     * null).
     */
    record Cell(District district, Who who, String made) {
    }

    /**
     * Makes what a cell needs, in the cell's district, before it asks. Answers the id to
     * put in the path.
     */
    @FunctionalInterface
    interface Setup {

        String make(AuthorizationMatrixTest test, District district, Who who);

    }

    private static final Setup NO_PASSES = (t, d, who) -> {
        t.clearPasses();
        return null;
    };

    private static final Setup PENDING_PASS = (t, d, who) -> {
        t.clearPasses();
        return t.pendingPass(d);
    };

    private static final Setup ACTIVE_PASS = (t, d, who) -> {
        t.clearPasses();
        String id = t.pendingPass(d);
        t.expect(t.send(d, Who.TEACHER, "POST", "/api/passes/" + id + "/approve", Map.of()), 200, "approving");
        return id;
    };

    /**
     * A pending pass in each district, whichever the cell uses: a list must show only its
     * own.
     */
    private static final Setup PASSES_IN_BOTH = (t, d, who) -> {
        t.clearPasses();
        t.pendingPass(t.own);
        t.pendingPass(t.other);
        return null;
    };

    /**
     * A notification of the district's person in the caller's role (the student's, for
     * the others).
     */
    private static final Setup NOTIFICATION = (t, d, who) -> t.notification(d, who);

    /**
     * A browser with notifications on of the district's person in the caller's role (the
     * teacher's, for those who have none).
     */
    private static final Setup PUSH_DEVICE = (t, d, who) -> t.pushDevice(d, who);

    private static final Setup EMERGENCY = (t, d, who) -> {
        t.clearPasses();
        t.expect(t.send(d, Who.ADMIN, "POST", "/api/admin/schools/" + d.schoolId() + "/emergency", null), 201,
                "declaring an emergency");
        return d.schoolId();
    };

    private static final Setup KIOSK = (t, d, who) -> t
        .expect(t.send(d, Who.ADMIN, "POST", "/api/admin/kiosks", Map.of("roomId", d.roomId(), "name", "Spare kiosk")),
                201, "issuing a kiosk")
        .get("id")
        .asText();

    /** The pairing code of a fresh kiosk of the district: what a device would type. */
    private static final Setup PAIRING_CODE = (t, d, who) -> t
        .expect(t.send(d, Who.ADMIN, "POST", "/api/admin/kiosks", Map.of("roomId", d.roomId(), "name", "Spare kiosk")),
                201, "issuing a kiosk")
        .get("pairingCode")
        .asText();

    private static final Setup DRAFT = (t, d, who) -> t
        .expect(t.send(d, Who.ADMIN, "POST", "/api/admin/rule-sets",
                Map.of("drl", DefaultRuleSet.drl(), "note", "matrix draft")), 201, "storing a draft")
        .get("version")
        .asText();

    /**
     * A retired version of the district's rules: one activated, then replaced by another.
     */
    private static final Setup RETIRED_RULES = (t, d, who) -> {
        String retired = DRAFT.make(t, d, who);
        t.expect(t.send(d, Who.ADMIN, "POST", "/api/admin/rule-sets/" + retired + "/activate", null), 200,
                "activating");
        String next = DRAFT.make(t, d, who);
        t.expect(t.send(d, Who.ADMIN, "POST", "/api/admin/rule-sets/" + next + "/activate", null), 200, "activating");
        return retired;
    };

    private static final Setup ACCOMMODATION = (t, d, who) -> t.expect(
            t.send(d, Who.ADMIN, "POST", "/api/admin/accommodations",
                    Map.of("studentId", d.studentId(), "ruleName", "Destination full", "from",
                            LocalDate.now().plusDays(1).toString(), "until", LocalDate.now().plusDays(3).toString())),
            201, "setting an accommodation")
        .get("id")
        .asText();

    /**
     * A destination nothing refers to, in the district's school: what a delete may
     * remove.
     */
    private static final Setup SPARE_DESTINATION = (t, d, who) -> t
        .expect(t.send(d, Who.ADMIN, "POST", "/api/admin/schools/" + d.schoolId() + "/destinations",
                Map.of("name", "Spare " + UUID.randomUUID(), "capacity", 0)), 201, "creating a destination")
        .get("id")
        .asText();

    /**
     * A student of the district's school nobody is paired with yet: the other side of a
     * new pair.
     */
    private static final Setup FRESH_STUDENT = (t, d, who) -> t.freshStudent(d).getId();

    /**
     * The student number of such a student: the other side of a pair in an uploaded CSV.
     */
    private static final Setup FRESH_STUDENT_NUMBER = (t, d, who) -> t.freshStudent(d).getStudentNumber();

    private static final Setup NO_CONTACT_PAIR = (t, d,
            who) -> t.expect(
                    t.send(d, Who.ADMIN, "POST", "/api/admin/no-contact-pairs",
                            Map.of("studentId", d.studentId(), "otherStudentId", t.freshStudent(d).getId())),
                    201, "adding a no-contact pair")
                .get("id")
                .asText();

    /**
     * No cover on the district's section, so a new one is accepted; answers the demo
     * district's Mr Okafor, who can cover a class he does not teach.
     */
    private static final Setup NO_COVERS = (t, d, who) -> {
        t.jdbc.update("delete from section_cover where section_id = ?", d.sectionId());
        return t.person("okafor").getId();
    };

    /**
     * A cover of the district's section today, made as its administrator would (the Other
     * District has one teacher, so its cover is written directly).
     */
    private static final Setup COVER = (t, d, who) -> {
        NO_COVERS.make(t, d, who);
        String id = UUID.randomUUID().toString();
        t.jdbc.update("""
                insert into section_cover (id, district_id, school_id, section_id, teacher_id, from_date, until_date,
                  created_by_id, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", id, d.districtId(), d.schoolId(), d.sectionId(),
                d.teacherId(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), d.personIds().get(Who.ADMIN),
                java.sql.Timestamp.from(Instant.now()));
        return id;
    };

    /**
     * A whole roster of one school, as a district exports it: the import cells upload it.
     */
    private static final byte[] ROSTER_ZIP = rosterZip();

    private static final List<Rule> RULES = List.of(rule("GET /api/sign-in-options", "200 200 200 200 200 200"),
            rule("GET /api/me", "401 200 200 200 200 200"),
            rule("GET /api/me/departing-from", "401 200 403 403 403 403"),
            rule("GET /api/me/passes-left", "401 200 403 403 403 403"),
            rule("GET /api/schools/{schoolId}/destinations", "401 200 200 200 200 200 | 401 404 404 404 404 404")
                .ids(District::schoolId),
            rule("GET /api/classes/current", "401 403 200 403 403 403"),
            rule("GET /api/requests", "401 403 200 403 403 403"), rule("GET /api/arrivals", "401 403 200 403 403 403"),

            rule("POST /api/passes", "401 201 201 403 403 201 | 401 400 400 403 403 400").with(NO_PASSES)
                .body(AuthorizationMatrixTest::newPass),
            // A kiosk asked for a number of another district: an unknown number (400).
            rule("GET /api/passes", "401 200 200 200 200 200 | 401 200 200 200 200 400").with(PASSES_IN_BOTH)
                .query(c -> c.who() == Who.KIOSK ? "?studentNumber=" + c.district().studentNumber()
                        : "?schoolId=" + c.district().schoolId()),
            rule("GET /api/passes/{id}", "401 200 200 200 200 200 | 401 404 404 404 404 404").with(PENDING_PASS),
            rule("POST /api/passes/{id}/approve", "401 403 200 403 403 403 | 401 404 404 404 404 404")
                .with(PENDING_PASS)
                .body(c -> Map.of()),
            rule("POST /api/passes/{id}/deny", "401 403 200 403 403 403 | 401 404 404 404 404 404").with(PENDING_PASS)
                .body(c -> Map.of("reason", "Not now")),
            rule("POST /api/passes/{id}/cancel", "401 200 200 200 403 403 | 401 404 404 404 404 404")
                .with(PENDING_PASS),
            rule("POST /api/passes/{id}/check-in", "401 403 200 200 403 200 | 401 404 404 404 404 404")
                .with(ACTIVE_PASS),
            rule("POST /api/passes/{id}/end", "401 200 200 200 403 200 | 401 404 404 404 404 404").with(ACTIVE_PASS),
            rule("GET /api/audit/passes/{id}", "401 403 403 200 200 403 | 401 403 403 404 404 403").with(PENDING_PASS),
            rule("GET /api/audit/passes/{id}/path", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .with(PENDING_PASS),
            rule("GET /api/audit/reads", "401 403 403 403 200 403 | 401 403 403 403 200 403")
                .query(c -> "?studentId=" + c.district().studentId()),
            rule("GET /api/audit/passes", "401 403 403 200 200 403 | 401 403 403 200 200 403").with(PASSES_IN_BOTH)
                .query(c -> "?studentId=" + c.district().studentId()),
            // the models are shared by every district (deployed without a tenant): no id
            // of a district in them
            rule("GET /api/audit/models/{key}", "401 403 403 200 200 403 | 401 403 403 200 200 403").ids(
                    d -> "pass-lifecycle"),
            rule("GET /api/audit/people", "401 403 403 200 200 403").query(c -> "?q=o"),
            rule("GET /api/admin/retention", "401 403 403 200 403 403"),
            rule("PUT /api/admin/retention", "401 403 403 200 403 403")
                .body(c -> Map.of("passDays", 365, "notificationDays", 30, "readDays", 365, "rosterImportDays", 365)),
            rule("GET /api/reports/{kind}", "401 403 403 200 200 403 | 401 403 403 404 404 403").with(PASSES_IN_BOTH)
                .ids(d -> "by-student")
                .query(c -> "?schoolId=" + c.district().schoolId() + "&from=" + LocalDate.now().minusDays(7) + "&to="
                        + LocalDate.now().plusDays(1)),

            rule("GET /api/notifications", "401 200 200 200 200 403"),
            rule("POST /api/notifications/seen", "401 200 200 200 200 403"),
            rule("POST /api/notifications/{id}/seen", "401 200 200 200 200 403 | 401 404 404 404 404 403")
                .with(NOTIFICATION),
            rule("GET /api/notifications/stream", "401 200 200 200 200 403"),
            rule("GET /api/me/notification-preferences", "401 403 200 200 403 403"),
            rule("PUT /api/me/notification-preferences", "401 403 200 200 403 403")
                .body(c -> Map.of("preferences", List.of(Map.of("kind", "EMERGENCY", "email", true)))),
            rule("POST /api/notifications/{id}/delivered", "401 204 204 204 204 403 | 401 404 404 404 404 403")
                .with(NOTIFICATION),
            rule("GET /api/push/key", "401 200 200 200 200 403"),
            rule("POST /api/push/subscriptions", "401 403 201 201 403 403").body(c -> pushSubscription()),
            rule("GET /api/push/subscriptions", "401 403 200 200 403 403"),
            rule("DELETE /api/push/subscriptions/{id}", "401 403 204 204 403 403 | 401 403 404 404 403 403")
                .with(PUSH_DEVICE),

            rule("GET /api/admin/schools/{schoolId}/emergency", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId),
            rule("POST /api/admin/schools/{schoolId}/emergency", "401 403 403 201 403 403 | 401 403 403 404 403 403")
                .with(NO_PASSES)
                .ids(District::schoolId),
            rule("DELETE /api/admin/schools/{schoolId}/emergency", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .with(EMERGENCY),
            rule("GET /api/admin/schools/{id}/settings", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .ids(District::schoolId),
            rule("PUT /api/admin/schools/{id}/settings", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId)
                .body(c -> Map.of("longRunningMinutes", 10)),

            rule("GET /api/admin/schools/{schoolId}/locations", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .ids(District::schoolId),
            rule("POST /api/admin/schools/{schoolId}/destinations", "401 403 403 201 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId)
                .body(c -> Map.of("name", "Matrix " + UUID.randomUUID(), "capacity", 1)),
            // The Restroom's own capacity, sent back: the cells change nothing.
            rule("PUT /api/admin/schools/{schoolId}/locations/{id}",
                    "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId, District::restroomId)
                .body(c -> Map.of("capacity", 2)),
            rule("DELETE /api/admin/schools/{schoolId}/locations/{id}",
                    "401 403 403 204 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId)
                .with(SPARE_DESTINATION),

            rule("POST /api/admin/kiosks", "401 403 403 201 403 403 | 401 403 403 400 403 403")
                .body(c -> Map.of("roomId", c.district().roomId(), "name", "Front door")),
            rule("GET /api/admin/kiosks", "401 403 403 200 403 403"),
            rule("DELETE /api/admin/kiosks/{id}", "401 403 403 204 403 403 | 401 403 403 404 403 403").with(KIOSK),
            rule("POST /api/admin/kiosks/{id}/pairing-code", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .with(KIOSK),
            // Open to anyone: a device has no credential until it has paired.
            rule("POST /api/kiosk/pair", "200 200 200 200 200 200").with(PAIRING_CODE)
                .body(c -> Map.of("code", c.made())),
            rule("POST /api/kiosk/heartbeat", "401 403 403 403 403 204"),
            rule("PUT /api/admin/students/{id}/kiosk-pin", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::studentId)
                .body(c -> Map.of("pin", "4821")),
            rule("DELETE /api/admin/students/{id}/kiosk-pin", "401 403 403 204 403 403 | 401 403 403 404 403 403")
                .ids(District::studentId),

            rule("POST /api/admin/accommodations", "401 403 403 201 403 403 | 401 403 403 400 403 403")
                .body(c -> Map.of("studentId", c.district().studentId(), "ruleName", "Destination full", "from",
                        LocalDate.now().toString(), "until", LocalDate.now().plusDays(1).toString())),
            rule("GET /api/admin/accommodations", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .query(c -> "?studentId=" + c.district().studentId()),
            // "o" starts Otto Otherby's name: a demo administrator must not find him.
            rule("GET /api/admin/accommodations/students", "401 403 403 200 403 403").query(c -> "?q=o"),
            rule("PUT /api/admin/accommodations/{id}", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .with(ACCOMMODATION)
                .body(c -> Map.of("ruleName", "Daily pass limit", "from", LocalDate.now().toString(), "until",
                        LocalDate.now().plusDays(2).toString())),
            rule("DELETE /api/admin/accommodations/{id}", "401 403 403 204 403 403 | 401 403 403 404 403 403")
                .with(ACCOMMODATION),

            // Another district's students are unknown ids (400); a filter by one of them
            // matches nothing.
            rule("GET /api/admin/no-contact-pairs", "401 403 403 200 403 403 | 401 403 403 200 403 403")
                .with(NO_CONTACT_PAIR)
                .query(c -> "?studentId=" + c.district().studentId()),
            rule("POST /api/admin/no-contact-pairs", "401 403 403 201 403 403 | 401 403 403 400 403 403")
                .with(FRESH_STUDENT)
                .body(c -> Map.of("studentId", c.district().studentId(), "otherStudentId", c.made())),
            rule("DELETE /api/admin/no-contact-pairs/{id}", "401 403 403 204 403 403 | 401 403 403 404 403 403")
                .with(NO_CONTACT_PAIR),
            rule("GET /api/admin/no-contact-pairs/history", "401 403 403 200 403 403 | 401 403 403 200 403 403")
                .with(NO_CONTACT_PAIR)
                .query(c -> "?studentId=" + c.district().studentId()),
            rule("POST /api/admin/no-contact-pairs/import", "401 403 403 200 403 403 | 401 403 403 422 403 403")
                .with(FRESH_STUDENT_NUMBER)
                .body(c -> new Upload("file", "pairs.csv",
                        ("studentNumber,otherStudentNumber\n" + c.district().studentNumber() + "," + c.made() + "\n")
                            .getBytes(StandardCharsets.UTF_8))),

            rule("GET /api/admin/rule-sets", "401 403 403 200 200 403"),
            rule("POST /api/admin/rule-sets", "401 403 403 201 403 403")
                .body(c -> Map.of("drl", DefaultRuleSet.drl(), "note", "matrix")),
            rule("GET /api/admin/rule-sets/fact-model", "401 403 403 200 200 403"),
            rule("GET /api/admin/rule-sets/templates", "401 403 403 200 200 403"),
            rule("POST /api/admin/rule-sets/check", "401 403 403 200 403 403")
                .body(c -> Map.of("drl", DefaultRuleSet.drl())),
            rule("POST /api/admin/rule-sets/{version}/roll-back", "401 403 403 201 403 403 | 401 403 403 404 403 403")
                .with(RETIRED_RULES),
            rule("GET /api/admin/rule-sets/{version}", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .ids(d -> String.valueOf(d.ruleVersion())),
            rule("POST /api/admin/rule-sets/{version}/validate", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(d -> String.valueOf(d.ruleVersion())),
            rule("POST /api/admin/rule-sets/{version}/activate", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .with(DRAFT),
            rule("GET /api/admin/rule-sets/{from}/diff/{to}", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .ids(d -> String.valueOf(d.ruleVersion()), d -> String.valueOf(d.ruleVersion())),
            rule("POST /api/admin/rule-sets/{version}/dry-run", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(d -> String.valueOf(d.ruleVersion()))
                .body(c -> Map.of("days", 1)),

            rule("GET /api/admin/schools/{id}/periods", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId),
            // The schedule the district already has, sent back: the cells change nothing.
            rule("PUT /api/admin/schools/{id}/periods", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId)
                .body(c -> List.of(Map.of("name", c.district().periodName(), "startsAt", "00:00", "endsAt", "00:00",
                        "days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")))),
            rule("POST /api/admin/roster/import", "401 403 403 200 403 403")
                .body(c -> new Upload("file", "roster.zip", ROSTER_ZIP)),
            rule("GET /api/admin/roster/imports", "401 403 403 200 403 403"),
            rule("GET /api/admin/schools/{id}/roster-gaps", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId),
            rule("GET /api/admin/schools", "401 403 403 200 403 403"),
            rule("GET /api/admin/schools/{id}/teachers", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId),
            rule("GET /api/admin/sections/{id}", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::sectionId),
            // The class's own period, sent back: the cells change nothing.
            rule("PUT /api/admin/sections/{id}", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::sectionId)
                .body(c -> Map.of("periods", List.of(c.district().periodName()))),
            rule("GET /api/admin/routing", "401 403 403 200 200 403 | 401 403 403 404 404 403")
                .query(c -> "?studentId=" + c.district().studentId() + "&teacherId=" + c.district().teacherId()),
            rule("GET /api/admin/requests", "401 403 403 200 403 403"),
            rule("GET /api/admin/schools/{schoolId}/coverage", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::schoolId),
            rule("GET /api/admin/sections/{id}/coverage", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::sectionId),
            rule("POST /api/admin/sections/{id}/coverage", "401 403 403 201 403 403 | 401 403 403 404 403 403")
                .with(NO_COVERS)
                .ids(District::sectionId)
                .body(c -> Map.of("teacherId", c.made(), "from", LocalDate.now().plusDays(2).toString(), "until",
                        LocalDate.now().plusDays(3).toString())),
            rule("DELETE /api/admin/sections/{id}/coverage/{coverageId}",
                    "401 403 403 204 403 403 | 401 403 403 404 403 403")
                .with(COVER)
                .ids(District::sectionId),
            rule("GET /api/admin/sections/{id}/coverage/history", "401 403 403 200 403 403 | 401 403 403 404 403 403")
                .ids(District::sectionId));

    @Autowired
    private ApplicationContext context;

    @Autowired
    private DistrictRepository districts;

    @Autowired
    private SchoolRepository schools;

    @Autowired
    private SchoolPeriodRepository periods;

    @Autowired
    private RuleSetRepository ruleSets;

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private District own;

    private District other;

    @Test
    void everyEndpointHasAnAuthorizationRule() {
        Set<String> ruled = RULES.stream().map(Rule::endpoint).collect(Collectors.toSet());
        List<String> missing = apiEndpoints().stream()
            .filter(e -> !ruled.contains(e))
            .map(e -> "new endpoint " + e + " has no authorization rule")
            .toList();

        assertThat(missing).as("add a rule to AuthorizationMatrixTest.RULES for each").isEmpty();
    }

    @Test
    void everyRuleNamesAnEndpoint() {
        Set<String> endpoints = apiEndpoints();
        List<String> stale = RULES.stream()
            .map(Rule::endpoint)
            .filter(e -> !endpoints.contains(e))
            .map(e -> "rule for " + e + " names no endpoint")
            .toList();

        assertThat(stale).as("remove or rename these rules").isEmpty();
    }

    @Test
    void noRuleIsGivenTwice() {
        List<String> endpoints = RULES.stream().map(Rule::endpoint).toList();

        assertThat(endpoints).doesNotHaveDuplicates();
    }

    @Test
    void theEngineHasNoRestApi() {
        prepareDistricts();
        Set<String> engineRest = mappedEndpoints().stream()
            .filter(e -> e.contains(" /engine-rest"))
            .collect(Collectors.toSet());

        assertThat(engineRest).isEmpty();
        assertThat(send(own, Who.ADMIN, "GET", "/engine-rest/process-instance", null).status()).isEqualTo(404);
    }

    @Test
    void administratorCannotActAsATeacherOfAnotherDistrict() {
        prepareDistricts();

        Answer answer = send(own, Who.ADMIN, "GET", "/api/requests", null, Map.of("X-Act-As", other.teacherId()));

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void administratorActsAsATeacherOfTheirDistrict() {
        prepareDistricts();

        Answer answer = send(own, Who.ADMIN, "GET", "/api/requests", null, Map.of("X-Act-As", own.teacherId()));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void passAskedForThroughTheApiRunsUnderItsDistrictAsTenant() {
        prepareDistricts();
        clearPasses();

        String passId = pendingPass(other);

        assertThat(runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey(passId)
            .tenantIdIn(other.districtId())
            .count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey(passId)
            .tenantIdIn(own.districtId())
            .count()).isZero();
    }

    @TestFactory
    Stream<DynamicNode> matrix() {
        prepareDistricts();
        return RULES.stream()
            .map(rule -> DynamicContainer.dynamicContainer(rule.endpoint(),
                    Stream.concat(cells(rule, own, rule.own, "own district"),
                            rule.other == null ? Stream.empty() : cells(rule, other, rule.other, "other district"))));
    }

    private Stream<DynamicNode> cells(Rule rule, District district, Map<Who, Integer> expected, String whose) {
        return Arrays.stream(Who.values())
            .map(who -> DynamicTest.dynamicTest(who + ", " + whose + " → " + expected.get(who), () -> {
                Cell cell = new Cell(district, who, rule.setup == null ? null : rule.setup.make(this, district, who));
                Answer answer = send(own, who, rule.method, rule.uri(cell), rule.body.apply(cell));

                assertThat(answer.status())
                    .as("%s as %s with ids of the %s: %s", rule.endpoint(), who, whose, answer.body())
                    .isEqualTo(expected.get(who));
                assertThat(answer.body()).as("the answer names somebody of Other District")
                    .doesNotContain(OTHER_FAMILY);
            }));
    }

    // --- the table's vocabulary

    static Rule rule(String endpoint, String statuses) {
        return new Rule(endpoint, statuses);
    }

    /** One row of the table; see the class comment. */
    static final class Rule {

        final String method;

        final String pattern;

        final Map<Who, Integer> own;

        final Map<Who, Integer> other;

        Setup setup;

        List<Function<District, String>> ids = List.of();

        Function<Cell, Object> body = cell -> null;

        Function<Cell, String> query = cell -> "";

        Rule(String endpoint, String statuses) {
            String[] parts = endpoint.split(" ");
            this.method = parts[0];
            this.pattern = parts[1];
            String[] groups = statuses.split("\\|");
            this.own = statuses(groups[0]);
            this.other = groups.length > 1 ? statuses(groups[1]) : null;
            if (other == null && variables() > 0) {
                throw new IllegalArgumentException(endpoint + ": a path with ids needs a second group of statuses, "
                        + "for ids of Other District");
            }
        }

        String endpoint() {
            return method + " " + pattern;
        }

        @SafeVarargs
        final Rule ids(Function<District, String>... fromDistrict) {
            this.ids = List.of(fromDistrict);
            return this;
        }

        Rule with(Setup setup) {
            this.setup = setup;
            return this;
        }

        Rule body(Function<Cell, Object> body) {
            this.body = body;
            return this;
        }

        Rule query(Function<Cell, String> query) {
            this.query = query;
            return this;
        }

        private long variables() {
            return pattern.chars().filter(c -> c == '{').count();
        }

        String uri(Cell cell) {
            List<String> values = new ArrayList<>();
            ids.forEach(id -> values.add(id.apply(cell.district())));
            while (values.size() < variables()) {
                if (cell.made() == null) {
                    throw new IllegalStateException(
                            endpoint() + " has ids but neither .ids(...) nor a setup that makes one");
                }
                values.add(cell.made());
            }
            StringBuilder uri = new StringBuilder();
            int from = 0;
            for (String value : values) {
                int open = pattern.indexOf('{', from);
                uri.append(pattern, from, open).append(value);
                from = pattern.indexOf('}', open) + 1;
            }
            return uri.append(pattern.substring(from)).append(query.apply(cell)).toString();
        }

        private static Map<Who, Integer> statuses(String group) {
            String[] codes = group.strip().split("\\s+");
            if (codes.length != Who.values().length) {
                throw new IllegalArgumentException(
                        "a group has one status per caller " + Arrays.toString(Who.values()) + ": " + group);
            }
            Map<Who, Integer> byWho = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                byWho.put(who, Integer.valueOf(codes[who.ordinal()]));
            }
            return byWho;
        }

    }

    /**
     * A student asks for themselves, a teacher makes a proxy pass for their student, a
     * kiosk takes a number.
     */
    private static Object newPass(Cell cell) {
        District d = cell.district();
        return switch (cell.who()) {
            case TEACHER -> Map.of("type", "PROXY", "studentId", d.studentId(), "departingFromSectionId", d.sectionId(),
                    "destinationId", d.restroomId());
            case KIOSK ->
                Map.of("type", "REGULAR", "studentNumber", d.studentNumber(), "destinationId", d.restroomId());
            default ->
                Map.of("type", "REGULAR", "departingFromSectionId", d.sectionId(), "destinationId", d.restroomId());
        };
    }

    // --- the endpoints Spring maps

    private Set<String> apiEndpoints() {
        return mappedEndpoints().stream()
            .filter(e -> e.contains(" /api/"))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
            .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + pattern);
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    // --- the two districts

    private void prepareDistricts() {
        if (districts.findByName(OTHER_DISTRICT).isEmpty()) {
            buildOtherDistrict();
        }
        own = district("Demo District", "English 10", Map.of(Who.STUDENT, "ava@corridor.test", Who.TEACHER,
                "rivera@corridor.test", Who.ADMIN, "admin@corridor.test", Who.AUDITOR, "auditor@corridor.test"));
        other = district(OTHER_DISTRICT, "Algebra 1", Map.of(Who.STUDENT, "otto@other.test", Who.TEACHER,
                "olga@other.test", Who.ADMIN, "oscar@other.test", Who.AUDITOR, "odile@other.test"));
    }

    private void buildOtherDistrict() {
        String d = districts.save(new org.corridor.school.District(OTHER_DISTRICT)).getId();
        String s = schools.save(new School(d, "Other High", ZoneId.of("America/Chicago"))).getId();
        Person teacher = people.save(new Person(d, s, "olga@other.test", "Olga", OTHER_FAMILY, Role.TEACHER));
        Person admin = people.save(new Person(d, s, "oscar@other.test", "Oscar", OTHER_FAMILY, Role.ADMIN));
        people.save(new Person(d, s, "odile@other.test", "Odile", OTHER_FAMILY, Role.AUDITOR));
        Person student = people
            .save(new Person(d, s, "otto@other.test", "Otto", OTHER_FAMILY, Role.STUDENT).withStudentNumber("9001"));
        Location room = locations.save(Location.room(s, "Room 101"));
        locations.save(Location.destination(s, "Restroom", 2).allowingAutoPasses());
        SchoolPeriod allDay = periods.save(
                new SchoolPeriod(s, "All day", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class)));
        Section algebra = new Section(s, allDay, room.getId(), teacher.getId(), "Algebra 1");
        algebra.enrol(student.getId());
        sections.save(algebra);
        ruleSets.save(RuleSet.active(d, 1, DefaultRuleSet.drl(), admin.getId(), "defaults", Instant.now()));
        // A version the demo district never reaches: Other District's rule set as a path
        // id.
        ruleSets
            .save(RuleSet.draft(d, OTHER_RULE_VERSION, DefaultRuleSet.drl(), admin.getId(), "draft", Instant.now()));
    }

    /**
     * Reads a district's fixture back, and issues it a kiosk in its class's room (the
     * reset removes kiosks).
     */
    private District district(String name, String sectionName, Map<Who, String> emails) {
        String districtId = districts.findByName(name).orElseThrow().getId();
        Map<Who, String> ids = new EnumMap<>(Who.class);
        emails.forEach((who, email) -> ids.put(who,
                people.findByEmailKey(Person.emailKey(email))
                    .stream()
                    .filter(p -> p.getDistrictId().equals(districtId))
                    .findFirst()
                    .orElseThrow()
                    .getId()));
        Person student = people.findById(ids.get(Who.STUDENT)).orElseThrow();
        Section section = sections.findAll()
            .stream()
            .filter(x -> x.getSchoolId().equals(student.getSchoolId()) && x.getName().equals(sectionName))
            .findFirst()
            .orElseThrow();
        String restroom = locations.findBySchoolIdAndDestinationTrueOrderByName(student.getSchoolId())
            .stream()
            .filter(l -> l.getName().equals("Restroom"))
            .map(Location::getId)
            .findFirst()
            .orElseThrow();
        int version = name.equals(OTHER_DISTRICT) ? OTHER_RULE_VERSION : 1;
        String periodName = jdbc.queryForObject("select min(period_name) from section_period where section_id = ?",
                String.class, section.getId());
        District withoutKiosk = new District(name, districtId, student.getSchoolId(), section.getId(),
                section.getRoomId(), restroom, student.getStudentNumber(), version, emails, ids, null, periodName);
        String token = expect(send(withoutKiosk, Who.ADMIN, "POST", "/api/admin/kiosks",
                Map.of("roomId", section.getRoomId(), "name", "Matrix kiosk")), 201, "issuing the kiosk")
            .get("token")
            .asText();
        return new District(name, districtId, student.getSchoolId(), section.getId(), section.getRoomId(), restroom,
                student.getStudentNumber(), version, emails, ids, token, periodName);
    }

    // --- what setups do

    private void clearPasses() {
        NoPasses.clear(runtime, jdbc);
    }

    /** The district's student asks to go to the Restroom from their class. */
    private String pendingPass(District d) {
        return expect(send(d, Who.STUDENT, "POST", "/api/passes",
                Map.of("type", "REGULAR", "departingFromSectionId", d.sectionId(), "destinationId", d.restroomId())),
                201, "requesting a pass")
            .get("id")
            .asText();
    }

    private String notification(District d, Who who) {
        String personId = d.personIds().getOrDefault(who, d.studentId());
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into notification (id, district_id, person_id, kind, title, body, created_at, version) "
                        + "values (?, ?, ?, 'CANCELLED', 'Pass cancelled', 'Your request was cancelled.', ?, 0)",
                id, d.districtId(), personId, java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    private String pushDevice(District d, Who who) {
        String personId = d.personIds().getOrDefault(who, d.teacherId());
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into push_subscription (id, district_id, person_id, endpoint, endpoint_hash, p256dh, auth, "
                        + "label, created_at, version) values (?, ?, ?, ?, ?, ?, ?, 'A browser', ?, 0)",
                id, d.districtId(), personId, "https://push.example.org/" + id, id.replace("-", "") + "0".repeat(32),
                browserKey(), "AAAAAAAAAAAAAAAAAAAAAA", java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    /** A browser's subscription of its own (a fresh endpoint and key pair). */
    private static Map<String, Object> pushSubscription() {
        return Map.of("endpoint", "https://push.example.org/" + UUID.randomUUID(), "keys",
                Map.of("p256dh", browserKey(), "auth", "AAAAAAAAAAAAAAAAAAAAAA"));
    }

    /** A P-256 public key as a browser sends it: the uncompressed point, base64url. */
    private static String browserKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey) generator
                .generateKeyPair()
                .getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            byte[] x = key.getW().getAffineX().toByteArray();
            byte[] y = key.getW().getAffineY().toByteArray();
            int xs = Math.max(0, x.length - 32);
            int ys = Math.max(0, y.length - 32);
            System.arraycopy(x, xs, point, 33 - (x.length - xs), x.length - xs);
            System.arraycopy(y, ys, point, 65 - (y.length - ys), y.length - ys);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- HTTP, as each caller

    record Answer(int status, String body) {
    }

    private JsonNode expect(Answer answer, int status, String doing) {
        if (answer.status() != status) {
            fail("Setup failed " + doing + ": " + answer.status() + " " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        }
        catch (IOException e) {
            throw new AssertionError("Setup failed " + doing + ": not JSON: " + answer.body(), e);
        }
    }

    private Person freshStudent(District d) {
        String number = String.valueOf(100_000 + (int) (Math.random() * 800_000));
        String family = d.name().equals(OTHER_DISTRICT) ? OTHER_FAMILY : "Matrix";
        return people.save(new Person(d.districtId(), d.schoolId(), "fresh-" + UUID.randomUUID() + "@matrix.test",
                "Fresh", family, Role.STUDENT)
            .withStudentNumber(number));
    }

    private Answer send(District district, Who who, String method, String path, Object body) {
        return send(district, who, method, path, body, Map.of());
    }

    /**
     * As the district's person in that role (or its kiosk); anonymous sends no
     * credentials.
     */
    private Answer send(District district, Who who, String method, String path, Object body,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", path.endsWith("/stream") ? "text/event-stream" : "application/json");
            if (body instanceof Upload upload) {
                String boundary = "matrix-" + UUID.randomUUID();
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, upload)));
            }
            else if (body != null) {
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            headers.forEach(request::header);
            if (who == Who.KIOSK) {
                request.header("X-Kiosk-Token", district.kioskToken());
            }
            else if (who != Who.ANONYMOUS) {
                String credentials = district.emails().get(who) + ":demo";
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                // A live event stream never ends: its status and headers are the answer.
                boolean stream = response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/event-stream");
                return new Answer(response.statusCode(),
                        stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new AssertionError(method + " " + path + " as " + who + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] multipart(String boundary, Upload upload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.field()
                + "\"; filename=\"" + upload.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(upload.content());
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The hand-made roster fixture of the roster tests, zipped. */
    private static byte[] rosterZip() {
        Path folder = Path.of("src/test/resources/roster/lakeside");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
