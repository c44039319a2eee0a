package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** A student's plan exempts them from a named rule between two dates. */
@OnMariaDb
class AccommodationApiTest extends ApiTest {
    @Autowired
    AccommodationRepository accommodations;

    @AfterEach
    void removeAccommodations() {
        accommodations.deleteAll();
    }

    @Test
    void exemptedStudentsRequestCarriesNoFlagOfThatRule() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(),
                "ruleName", "Destination full", "from", today.toString(), "until", today.toString()));
        out("cara", "Restroom");
        out("dan", "Restroom");

        var answer = request("eli", "Restroom");

        assertThat(answer.getBody().get("flags")).isEmpty();
    }

    @Test
    void accommodationEndingBeforeItStartsIsRefused() {
        var answer = post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(),
                "ruleName", "Destination full", "from", "2026-11-10", "until", "2026-11-09"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(accommodations.count()).isZero();
    }

    @Test
    void teacherCannotSetAccommodations() {
        var answer = post("rivera", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(),
                "ruleName", "Destination full", "from", "2026-11-10", "until", "2026-11-12"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
