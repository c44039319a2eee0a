package org.corridor.location;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators setting up a school's destinations over HTTP, on the demo school. Every
 * destination a test makes is called "Test ..." and removed afterwards, with the passes
 * that went there; the demo's own locations are never changed.
 */
class DestinationAdminApiTest extends ApiTest {

    @Autowired
    private DistrictRepository districts;

    @Autowired
    private SchoolRepository schools;

    @AfterEach
    void removeTestDestinations() {
        startWithNoPasses();
        jdbc.update("delete from location where name like 'Test %'");
        jdbc.update("delete from school where name = 'Elsewhere High'");
        jdbc.update("delete from district where name = 'Elsewhere'");
    }

    private String destinations() {
        return "/api/admin/schools/" + schoolId() + "/destinations";
    }

    private String location(String id) {
        return "/api/admin/schools/" + schoolId() + "/locations/" + id;
    }

    private ResponseEntity<JsonNode> create(Map<String, Object> body) {
        return post("admin", destinations(), body);
    }

    private String created(String name, int capacity) {
        var answer = create(Map.of("name", name, "capacity", capacity));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().get("id").asText();
    }

    private static List<String> badFields(ResponseEntity<JsonNode> answer) {
        return answer.getBody().get("errors").findValuesAsText("field");
    }

    private Location stored(String id) {
        return locations.findById(id).orElseThrow();
    }

    // --- creating

    @Test
    void anAdministratorCreatesADestinationStudentsCanAskFor() {
        var answer = create(Map.of("name", "Test Counselor", "capacity", 1, "staffedById", person("okafor").getId()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode made = answer.getBody();
        assertThat(answer.getHeaders().getLocation()).hasToString(location(made.get("id").asText()));
        assertThat(made.get("destination").asBoolean()).isTrue();
        assertThat(made.get("capacity").asInt()).isEqualTo(1);
        assertThat(made.get("open").asBoolean()).isTrue();
        assertThat(made.get("autoPassAllowed").asBoolean()).isFalse();
        assertThat(made.get("staffedBy").get("id").asText()).isEqualTo(person("okafor").getId());
        assertThat(made.get("occupancy").asInt()).isZero();
        assertThat(request("ava", "Test Counselor").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aNameTheSchoolAlreadyUsesIsRefusedAndPointsToTheRoom() {
        var answer = create(Map.of("name", "room 204", "capacity", 3));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(badFields(answer)).containsExactly("name");
        assertThat(answer.getBody().get("existingLocationId").asText()).isEqualTo(room("Room 204"));
        assertThat(answer.getBody().get("detail").asText()).contains("destination true");
        assertThat(locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId())).hasSize(4);
    }

    @Test
    void aNegativeCapacityIsRefusedNamingTheField() {
        var answer = create(Map.of("name", "Test Gym", "capacity", -1));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(answer)).containsExactly("capacity");
        assertThat(locations.findBySchoolIdAndNameIgnoreCase(schoolId(), "Test Gym")).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var answer = create(Map.of("name", " ", "capacity", 5000, "autoPass", true));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(answer)).containsExactlyInAnyOrder("name", "capacity", "autoPass");
    }

    @Test
    void aStudentCannotStaffADestination() {
        var answer = create(Map.of("name", "Test Gym", "capacity", 0, "staffedById", person("ava").getId()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(answer)).containsExactly("staffedById");
        assertThat(answer.getBody().get("errors").get(0).get("message").asText()).contains("not a teacher");
    }

    @Test
    void aCapacityWrittenAsTextIsAnUnreadableBody() {
        var answer = create(Map.of("name", "Test Gym", "capacity", "lots"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(answer)).containsExactly("capacity");
    }

    // --- changing

    @Test
    void aPartialUpdateChangesOnlyTheFieldsSent() {
        String id = created("Test Gym", 4);
        put("admin", location(id), Map.of("staffedById", person("okafor").getId()));

        var answer = put("admin", location(id), Map.of("capacity", 6, "autoPassAllowed", true));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(stored(id)).satisfies(l -> {
            assertThat(l.getName()).isEqualTo("Test Gym");
            assertThat(l.getCapacity()).isEqualTo(6);
            assertThat(l.isAutoPassAllowed()).isTrue();
            assertThat(l.isOpen()).isTrue();
            assertThat(l.getTeacherId()).isEqualTo(person("okafor").getId());
        });
    }

    @Test
    void staffedByNullRemovesTheTeacher() {
        String id = created("Test Gym", 4);
        put("admin", location(id), Map.of("staffedById", person("okafor").getId()));
        Map<String, Object> noTeacher = new HashMap<>();
        noTeacher.put("staffedById", null);

        var answer = put("admin", location(id), noTeacher);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("staffedBy").isNull()).isTrue();
        assertThat(stored(id).getTeacherId()).isNull();
    }

    @Test
    void anInvalidChangeChangesNothing() {
        String id = created("Test Gym", 4);

        var answer = put("admin", location(id), Map.of("open", false, "capacity", -3));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(answer)).containsExactly("capacity");
        assertThat(stored(id).isOpen()).isTrue();
        assertThat(stored(id).getCapacity()).isEqualTo(4);
    }

    @Test
    void renamingToANameTheSchoolUsesIsRefused() {
        String id = created("Test Gym", 4);

        var answer = put("admin", location(id), Map.of("name", "Library"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(badFields(answer)).containsExactly("name");
        assertThat(stored(id).getName()).isEqualTo("Test Gym");
    }

    @Test
    void aClassroomBecomesADestinationToo() {
        String id = room("Room 204");

        var answer = put("admin", location(id), Map.of("destination", true, "capacity", 3));

        try {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("ava", "/api/schools/" + schoolId() + "/destinations").getBody().findValuesAsText("name"))
                .contains("Room 204");
        }
        finally {
            jdbc.update("update location set is_destination = false, capacity = 0 where id = ?", id);
            schoolsOrLocationsChangedInSql();
        }
    }

    @Test
    void closingADestinationFlagsTheNextRequest() {
        created("Test Gym", 0);
        String id = destination("Test Gym");

        put("admin", location(id), Map.of("open", false));
        var answer = request("ava", "Test Gym");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("flags").findValuesAsText("code")).contains("DESTINATION_CLOSED");
    }

    @Test
    void aClosedDestinationSendsAnAutoPassForApproval() {
        String id = created("Test Gym", 0);
        put("admin", location(id), Map.of("autoPassAllowed", true, "open", false));

        var answer = post("ava", "/api/passes",
                Map.of("departingFromSectionId", english10(), "destinationId", id, "type", "AUTO"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("state").asText()).isEqualTo("PENDING");
        assertThat(answer.getBody().get("autoPassRefused").asText()).contains("Test Gym is closed");
    }

    @Test
    void closingADestinationLeavesThePassesAlreadyOut() {
        created("Test Gym", 0);
        String passId = out("ava", "Test Gym");

        put("admin", location(destination("Test Gym")), Map.of("open", false, "capacity", 1));

        assertThat(pass("admin", passId).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aDestinationWithPassesHeadedThereStaysADestination() {
        created("Test Gym", 0);
        request("ava", "Test Gym");
        out("cara", "Test Gym");
        String id = destination("Test Gym");

        var answer = put("admin", location(id), Map.of("destination", false));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("openPasses").asInt()).isEqualTo(2);
        assertThat(answer.getBody().get("detail").asText()).startsWith("2 pass(es)");
        assertThat(stored(id).isDestination()).isTrue();
    }

    // --- listing

    @Test
    void theListShowsClassroomsAndDestinationsWithWhoIsOut() {
        created("Test Gym", 3);
        out("ava", "Test Gym");

        var answer = get("auditor", "/api/admin/schools/" + schoolId() + "/locations");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode gym = find(answer.getBody(), "Test Gym");
        assertThat(gym.get("occupancy").asInt()).isEqualTo(1);
        JsonNode room = find(answer.getBody(), "Room 204");
        assertThat(room.get("destination").asBoolean()).isFalse();
        assertThat(room.get("occupancy").isNull()).isTrue();
        assertThat(find(answer.getBody(), "Library").get("staffedBy").get("name").asText()).isNotBlank();
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode l : list) {
            if (l.get("name").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no location " + name + " in " + list);
    }

    // --- deleting

    @Test
    void aDestinationNothingRefersToIsDeleted() {
        String id = created("Test Gym", 3);

        var answer = call("admin", HttpMethod.DELETE, location(id), null, Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(locations.findById(id)).isEmpty();
    }

    @Test
    void aDestinationPassesWentToIsKept() {
        created("Test Gym", 3);
        String passId = out("ava", "Test Gym");
        post("ava", "/api/passes/" + passId + "/end", Map.of());
        String id = destination("Test Gym");

        var answer = call("admin", HttpMethod.DELETE, location(id), null, Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("references").get(0).asText()).isEqualTo("1 pass");
        assertThat(answer.getBody().get("detail").asText()).contains("open: false");
        assertThat(locations.findById(id)).isPresent();
    }

    @Test
    void aClassroomWithSectionsIsKept() {
        var answer = call("admin", HttpMethod.DELETE, location(room("Room 204")), null, Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("detail").asText()).contains("section");
        assertThat(locations.findById(room("Room 204"))).isPresent();
    }

    // --- who may

    @Test
    void aTeacherCannotChangeDestinations() {
        var answer = put("rivera", location(destination("Restroom")), Map.of("open", false));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stored(destination("Restroom")).isOpen()).isTrue();
    }

    @Test
    void aLocationOfAnotherDistrictIsNotFound() {
        String district = districts.save(new District("Elsewhere")).getId();
        String school = schools.save(new School(district, "Elsewhere High", ZoneId.of("America/New_York"))).getId();
        String theirs = locations.save(Location.destination(school, "Test Elsewhere", 2)).getId();

        var viaOurSchool = put("admin", location(theirs), Map.of("open", false));
        var viaTheirSchool = put("admin", "/api/admin/schools/" + school + "/locations/" + theirs,
                Map.of("open", false));

        assertThat(viaOurSchool.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(viaTheirSchool.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stored(theirs).isOpen()).isTrue();
    }

    @Test
    void aTeacherOfAnotherDistrictCannotStaffADestination() {
        String district = districts.save(new District("Elsewhere")).getId();
        String school = schools.save(new School(district, "Elsewhere High", ZoneId.of("America/New_York"))).getId();
        var teacher = people.save(new org.corridor.person.Person(district, school, "test.teacher@elsewhere.test",
                "Tess", "Elsewhere", org.corridor.person.Role.TEACHER));
        try {
            var answer = create(Map.of("name", "Test Gym", "capacity", 0, "staffedById", teacher.getId()));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").get(0).get("message").asText()).contains("no teacher");
        }
        finally {
            people.deleteById(teacher.getId());
        }
    }

}
