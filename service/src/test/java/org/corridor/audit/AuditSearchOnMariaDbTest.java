package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;
import org.corridor.testing.SeededPasses;

/** The search's SQL and the streamed export on the production database. */
@OnMariaDb
class AuditSearchOnMariaDbTest extends ApiTest {

    @Test
    void aFlaggedPassIsFoundByFlagAndDayAndExportedWithItsFlags() {
        out("ava", "Library");
        String bens = request("ben", "Library").getBody().get("id").asText();
        LocalDate today = LocalDate.now(AuditSearchApiTest.SCHOOL_ZONE);

        JsonNode page = get("auditor", "/api/audit/passes?flag=NO_CONTACT&from=" + today + "&to=" + today
                + "&teacherId=" + person("rivera").getId())
            .getBody();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));
        String csv = http.withBasicAuth("auditor@corridor.test", "demo")
            .exchange("/api/audit/passes?sort=requestedAt,asc", HttpMethod.GET, new HttpEntity<>(headers), String.class)
            .getBody();

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("passes").get(0).get("id").asText()).isEqualTo(bens);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith(bens).contains("NO_CONTACT");
    }

    /**
     * The page's passes are chosen in hall_pass's index before they are joined to names:
     * page after page gives every pass once, in the order asked, each page with the
     * total.
     */
    @Test
    void pagesOfAYearOfPassesFollowEachOtherWithNoPassSkippedOrRepeated() throws SQLException {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            SeededPasses.insert(connection, 230, 365, LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        }
        List<String> newestFirst = jdbc.queryForList("select id from hall_pass order by requested_at desc, id desc",
                String.class);

        List<String> paged = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode found = get("auditor", "/api/audit/passes?size=50&page=" + page).getBody();
            totals.add(found.get("total").asLong());
            found.get("passes").forEach(p -> paged.add(p.get("id").asText()));
        }
        List<String> oldestFirst = new ArrayList<>();
        get("auditor", "/api/audit/passes?size=200&page=1&sort=requestedAt,asc").getBody()
            .get("passes")
            .forEach(p -> oldestFirst.add(p.get("id").asText()));

        assertThat(totals).containsOnly(230L);
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        List<String> ascending = new ArrayList<>(newestFirst);
        Collections.reverse(ascending);
        assertThat(oldestFirst).containsExactlyElementsOf(ascending.subList(200, 230));
    }

    /**
     * A roster import may leave a class without its main teacher: its passes are still
     * counted and shown, with no teacher named, in the page as in the export.
     */
    @Test
    void aPassOfAClassThatHasLostItsMainTeacherIsStillFound() {
        String avas = out("ava", "Library");
        String rivera = person("rivera").getId();
        jdbc.update("update section set main_teacher_id = null where id = ?", english10());
        try {
            JsonNode page = get("auditor", "/api/audit/passes?studentId=" + person("ava").getId()).getBody();
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.valueOf("text/csv")));
            String csv = http.withBasicAuth("auditor@corridor.test", "demo")
                .exchange("/api/audit/passes?studentId=" + person("ava").getId(), HttpMethod.GET,
                        new HttpEntity<>(headers), String.class)
                .getBody();

            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(page.get("passes").get(0).get("id").asText()).isEqualTo(avas);
            assertThat(page.get("passes").get(0).get("teacher").isNull()).isTrue();
            assertThat(csv.lines().toList()).hasSize(2);
            assertThat(csv.lines().toList().get(1)).startsWith(avas);
        }
        finally {
            jdbc.update("update section set main_teacher_id = ? where id = ?", rivera, english10());
        }
    }

}
