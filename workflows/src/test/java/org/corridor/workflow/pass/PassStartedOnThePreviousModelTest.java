package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.corridor.workflow.pass.InMemoryEngine.NOW;
import static org.corridor.workflow.pass.InMemoryEngine.at;
import static org.corridor.workflow.pass.InMemoryEngine.timerAt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database upgraded while requests wait for their teacher: each such instance runs on
 * the model version it started on, whose timers read the durations it was started with
 * (variables), while today's code decides it with a transient answer. It must still be
 * decided, be timed with its own durations, and end.
 */
class PassStartedOnThePreviousModelTest {

    private static final PassRef PASS = new PassRef("pass-before-upgrade", "district-north");

    private static final String RIVERA = "teacher-rivera";

    @RegisterExtension
    static ProcessEngineExtension extension = InMemoryEngine.extension();

    private final RecordedPasses passes = new RecordedPasses();

    private final List<String> deployments = new ArrayList<>();

    private PassLifecycle lifecycle;

    private ProcessInstance instance;

    @BeforeEach
    void startARequestOnThePreviousModelThenUpgrade() {
        AbstractAssertions.init(extension.getProcessEngine());
        passes.registerAsMocks();
        ClockUtil.setCurrentTime(at(NOW));
        deploy("upgrade/pass-lifecycle-with-variables.bpmn");
        // What PassLifecycle.start set before the upgrade.
        instance = runtimeService().createProcessInstanceByKey(PassLifecycle.PROCESS)
            .processDefinitionWithoutTenantId()
            .businessKey(PASS.passId())
            .setVariables(Map.of("longRunningAfter", "PT10M", "autoEndAfter", "PT30M", "requestExpiresAfter", "PT15M",
                    "resendAfter", "PT1M30S", "escalateAfter", "PT5M", PassLifecycle.ROUTED_TO, RIVERA,
                    DistrictTenants.DISTRICT_ID, PASS.districtId()))
            .execute();
        deploy("bpmn/pass-lifecycle.bpmn");
        // The school has changed its settings since: the instance keeps its own
        // durations.
        passes.timers = new PassTimers(Duration.ofMinutes(20), Duration.ofMinutes(60), Duration.ofMinutes(25),
                Duration.ofSeconds(150), Duration.ofMinutes(8));
        lifecycle = new PassLifecycle(extension.getProcessEngine());
    }

    @AfterEach
    void removeBothModelsAndTheirInstances() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void approvedRequestIsTimedWithTheDurationsItStartedWith() {
        lifecycle.approve(PASS);

        assertThat(instance).isWaitingAt("Gateway_PassOver");
        assertThat(timerAt(managementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(10))));
        assertThat(timerAt(managementService(), "Boundary_AutoEnd").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void approvedRequestIsCheckedInAndEnds() {
        lifecycle.approve(PASS);

        lifecycle.checkIn(PASS);

        assertThat(instance).hasPassed("EndEvent_PassCompleted").isEnded();
    }

    @Test
    void deniedRequestEnds() {
        lifecycle.deny(PASS);

        assertThat(instance).hasPassed("EndEvent_PassDenied").isEnded();
        assertThat(passes.changes).endsWith("deny " + PASS.passId());
    }

    private void deploy(String resource) {
        deployments.add(repositoryService().createDeployment().addClasspathResource(resource).deploy().getId());
    }

}
