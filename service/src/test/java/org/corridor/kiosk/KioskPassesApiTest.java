package org.corridor.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.location.Location;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A shared device in a room: students identify by number and pass through the same
 * lifecycle as anyone.
 */
@OnMariaDb
class KioskPassesApiTest extends ApiTest {

    @Autowired
    SchoolRepository schools;

    @Test
    void studentAtTheKioskRequestsAPassRoutedToTheirTeacher() {
        String token = kioskToken("Room 204");

        var answer = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1001", "destinationId", destination("Restroom"), "type", "REGULAR"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("state").asText()).isEqualTo("PENDING");
        assertThat(answer.getBody().get("channel").asText()).isEqualTo("KIOSK");
        assertThat(answer.getBody().get("student").get("name").asText()).isEqualTo("Ava A.");
        assertThat(answer.getBody().get("routedTo").get("name").asText()).isEqualTo("Ms Rivera");
    }

    @Test
    void studentAtTheKioskStartsAnAutoPassAndEndsIt() {
        String token = kioskToken("Room 204");
        String id = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1002", "destinationId", destination("Restroom"), "type", "AUTO"))
            .getBody()
            .get("id")
            .asText();

        JsonNode found = asKiosk(token, HttpMethod.GET, "/api/passes?studentNumber=1002", null).getBody();
        var ended = asKiosk(token, HttpMethod.POST, "/api/passes/" + id + "/end", null);

        assertThat(found).singleElement().satisfies(pass -> assertThat(pass.get("id").asText()).isEqualTo(id));
        assertThat(ended.getBody().get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void historyNamesTheKioskAsTheActor() {
        String token = kioskToken("Room 204");
        String id = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1002", "destinationId", destination("Restroom"), "type", "AUTO"))
            .getBody()
            .get("id")
            .asText();

        asKiosk(token, HttpMethod.POST, "/api/passes/" + id + "/end", null);

        JsonNode events = get("auditor", "/api/audit/passes/" + id).getBody().get("events");
        assertThat(events.get(events.size() - 1).get("actor").get("name").asText()).isEqualTo("Kiosk: Room 204 kiosk");
    }

    @Test
    void kioskAtTheDestinationChecksTheStudentIn() {
        String id = out("ava", "Library");
        String libraryKiosk = kioskToken("Library");

        var answer = asKiosk(libraryKiosk, HttpMethod.POST, "/api/passes/" + id + "/check-in", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void unknownStudentNumberIsRefusedAndNothingStored() {
        String token = kioskToken("Room 204");

        var answer = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "9999", "destinationId", destination("Restroom"), "type", "REGULAR"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("studentNumber");
        assertThat(passCount()).isZero();
    }

    @Test
    void kioskCannotCreateAProxyPass() {
        String token = kioskToken("Room 204");

        var answer = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1001", "destinationId", destination("Restroom"), "type", "PROXY"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(passCount()).isZero();
    }

    @Test
    void kioskInAnotherRoomCannotEndThePass() {
        String id = out("ava", "Restroom");
        String libraryKiosk = kioskToken("Library");

        var answer = asKiosk(libraryKiosk, HttpMethod.POST, "/api/passes/" + id + "/end", null);

        // a pass the kiosk does not serve does not exist for it
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pass("ava", id).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void kioskOfAnotherSchoolCannotRequestForThisSchoolsStudentsNorEndTheirPasses() {
        String out = out("ava", "Restroom");
        School other = schools
            .save(new School(person("ava").getDistrictId(), "Other High", ZoneId.of("America/New_York")));
        Location otherRoom = locations.save(Location.room(other.getId(), "Room 1"));
        String token = "kiosk-of-other-high";
        jdbc.update(
                "insert into kiosk (id, district_id, school_id, room_id, name, token_hash, created_at, created_by_id, version)"
                        + " values ('other-kiosk', ?, ?, ?, 'Other kiosk', ?, current_timestamp, ?, 0)",
                other.getDistrictId(), other.getId(), otherRoom.getId(), KioskTokens.hash(token),
                person("admin").getId());
        try {
            var request = asKiosk(token, HttpMethod.POST, "/api/passes",
                    Map.of("studentNumber", "1002", "destinationId", destination("Restroom"), "type", "REGULAR"));
            var end = asKiosk(token, HttpMethod.POST, "/api/passes/" + out + "/end", null);

            assertThat(request.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(request.getBody().get("errors").findValuesAsText("field")).containsExactly("studentNumber");
            assertThat(end.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(passCount()).isEqualTo(1);
            assertThat(pass("ava", out).get("state").asText()).isEqualTo("ACTIVE");
        }
        finally {
            jdbc.update("delete from kiosk where id = 'other-kiosk'");
            locations.delete(otherRoom);
            schools.delete(other);
        }
    }

}
