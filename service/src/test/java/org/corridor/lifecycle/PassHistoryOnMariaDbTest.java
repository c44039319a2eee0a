package org.corridor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * What the engine keeps of a pass at Corridor's history level: the instance and its
 * activities, timed for removal together when the pass ends, and nothing the service
 * never reads.
 */
@OnMariaDb
class PassHistoryOnMariaDbTest extends ApiTest {

    @Test
    void anEndedPassKeepsItsPathForTheAuditor() {
        String pass = ended("ava");

        JsonNode path = get("auditor", "/api/audit/passes/" + pass + "/path").getBody().get("processes").get(0);

        assertThat(path.get("endedAt").isNull()).isFalse();
        assertThat(path.get("activities").findValuesAsText("activityId")).contains("Task_ApprovePass",
                "SubProcess_StudentOut", "Task_CompletePass");
    }

    @Test
    void everyActivityOfAnEndedPassIsTimedForRemovalWithItsInstance() {
        String pass = ended("ava");

        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(pass)
            .singleResult();
        Date removal = instance.getRemovalTime();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .list();
        assertThat(removal).isAfterOrEqualTo(Date.from(instance.getEndTime().toInstant().plus(Duration.ofDays(30))));
        assertThat(activities).isNotEmpty().allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(removal));
    }

    @Test
    void theApprovalTaskLeavesNoTaskHistory() {
        String pass = ended("ava");

        String instance = history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(pass)
            .singleResult()
            .getId();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
            .processInstanceId(instance)
            .activityId("Task_ApprovePass")
            .finished()
            .count()).isOne();
    }

    private String ended(String student) {
        String id = out(student, "Restroom");
        assertThat(post(student, "/api/passes/" + id + "/end", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

}
