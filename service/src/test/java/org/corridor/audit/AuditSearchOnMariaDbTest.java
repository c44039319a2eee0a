package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

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

}
