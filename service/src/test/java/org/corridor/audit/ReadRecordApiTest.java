package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.reads.ReadLog;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/** The record of who read which student's passes, as auditors see it. */
@OnH2
class ReadRecordApiTest extends ApiTest {

    @Autowired
    private ReadLog readLog;

    @Test
    void theAuditorsOwnReadsOfATimelineAndAPathAppear() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("auditor", "/api/audit/passes/" + id);
        get("auditor", "/api/audit/passes/" + id + "/path");
        readLog.flush();

        List<JsonNode> reads = readsOf(id, "?readerId=" + person("auditor").getId());

        assertThat(reads).extracting(r -> r.get("what").asText()).containsExactlyInAnyOrder("TIMELINE", "PATH");
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.get("student").get("id").asText()).isEqualTo(person("ava").getId());
            assertThat(r.get("reader").get("name").asText()).isEqualTo(person("auditor").getName());
            assertThat(r.get("endpoint").asText()).startsWith("GET /api/audit/passes/{id}");
        });
    }

    @Test
    void aPassesRecordSaysWhoReadIt() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("rivera", "/api/passes/" + id);
        readLog.flush();

        JsonNode readBy = get("auditor", "/api/audit/passes/" + id).getBody().get("readBy");

        assertThat(readBy.findValuesAsText("reader")).contains("Ms Rivera");
        assertThat(readBy.findValuesAsText("what")).contains("PASS");
    }

    @Test
    void aTeachersReadIsRecordedAndAStudentsOwnIsNot() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("ava", "/api/passes/" + id);
        get("ava", "/api/passes");
        get("rivera", "/api/passes/" + id);
        readLog.flush();

        List<JsonNode> reads = readsOf(id, "?studentId=" + person("ava").getId());

        assertThat(reads).extracting(r -> r.get("reader").get("id").asText())
            .doesNotContain(person("ava").getId())
            .contains(person("rivera").getId());
    }

    @Test
    void aSearchAndAnExportAreRecordedForEveryStudentInThem() {
        request("ava", "Restroom");
        get("auditor", "/api/audit/passes?studentNumber=1001");
        readLog.flush();

        JsonNode page = get("auditor", "/api/audit/reads?studentId=" + person("ava").getId()).getBody();

        assertThat(page.get("reads").findValuesAsText("what")).contains("SEARCH");
    }

    @Test
    void theRecordExportsAsCsv() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("auditor", "/api/audit/passes/" + id);
        readLog.flush();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));

        var answer = http.withBasicAuth("auditor@corridor.test", "demo")
            .exchange("/api/audit/reads?readerId=" + person("auditor").getId(), HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = answer.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ReadRecords.CSV_HEADER));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(id).contains("TIMELINE").contains("1001"));
    }

    @Test
    void onlyAuditorsReadTheRecordAndBadFiltersAreNamed() {
        assertThat(get("admin", "/api/audit/reads").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("rivera", "/api/audit/reads").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var bad = get("auditor", "/api/audit/reads?from=whenever&reader=x");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "reader");
    }

    private List<JsonNode> readsOf(String passId, String query) {
        var answer = get("auditor", "/api/audit/reads" + query + "&size=200");
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> reads = new ArrayList<>();
        answer.getBody().get("reads").forEach(r -> {
            if (passId.equals(r.path("passId").asText(null))) {
                reads.add(r);
            }
        });
        return reads;
    }

}
