package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * An administrator covering a class acts as its teacher with X-Act-As; nobody else can.
 */
@OnMariaDb
class ImpersonationTest extends ApiTest {

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Test
    void adminActingAsTeacherSeesTeachersMe() {
        var me = call("admin", HttpMethod.GET, "/api/me", null, Map.of("X-Act-As", person("rivera").getId()));

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("id").asText()).isEqualTo(person("rivera").getId());
        assertThat(me.getBody().get("impersonatedBy").get("id").asText()).isEqualTo(person("admin").getId());
    }

    @Test
    void meWithoutImpersonationHasNoImpersonator() {
        var me = get("rivera", "/api/me");

        assertThat(me.getBody().has("impersonatedBy")).isFalse();
    }

    @Test
    void teacherCannotImpersonate() {
        var me = call("rivera", HttpMethod.GET, "/api/me", null, Map.of("X-Act-As", person("chen").getId()));

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void cannotImpersonateAStudent() {
        var me = call("admin", HttpMethod.GET, "/api/me", null, Map.of("X-Act-As", person("ava").getId()));

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(me.getBody().get("detail").asText()).contains("not a teacher");
    }

    @Test
    void cannotImpersonatePersonOfAnotherDistrict() {
        District other = districts.save(new District("Other District"));
        School otherSchool = schools.save(new School(other.getId(), "Other High", ZoneId.of("America/Chicago")));
        Person otherTeacher = people
            .save(new Person(other.getId(), otherSchool.getId(), "teacher@other.test", "Olga", "Other", Role.TEACHER));
        try {
            var me = call("admin", HttpMethod.GET, "/api/me", null, Map.of("X-Act-As", otherTeacher.getId()));

            assertThat(me.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        finally {
            people.delete(otherTeacher);
            schools.delete(otherSchool);
            districts.delete(other);
        }
    }

}
