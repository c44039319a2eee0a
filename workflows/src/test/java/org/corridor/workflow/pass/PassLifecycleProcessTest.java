package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/pass-lifecycle.bpmn")
class PassLifecycleProcessTest {
    private static final String PASS = "pass-1";
    private static final String RIVERA = "teacher-rivera";

    @RegisterExtension
    static ProcessEngineExtension extension = InMemoryEngine.extension();

    private final RecordedPasses passes = new RecordedPasses();
    private PassLifecycle lifecycle;

    @BeforeEach
    void registerDelegates() {
        ProcessEngine engine = extension.getProcessEngine();
        AbstractAssertions.init(engine);
        Mocks.register("evaluatePolicy", new EvaluatePolicy(passes));
        Mocks.register("routeRequest", new RouteRequest(passes));
        Mocks.register("activatePass", new ActivatePass(passes));
        Mocks.register("denyPass", new DenyPass(passes));
        Mocks.register("cancelPass", new CancelPass(passes));
        Mocks.register("completePass", new CompletePass(passes));
        lifecycle = new PassLifecycle(engine);
    }

    @AfterEach
    void forgetDelegates() {
        Mocks.reset();
    }

    @Test
    void requestWaitsForTheRoutedTeacherAfterPolicyIsEvaluated() {
        lifecycle.start(PASS, RIVERA);

        assertThat(instance()).isWaitingAt("Task_ApprovePass");
        assertThat(task()).isAssignedTo(RIVERA);
        assertThat(passes.changes).containsExactly("evaluate pass-1", "route pass-1");
    }

    @Test
    void approvedPassStaysActiveUntilCheckIn() {
        lifecycle.start(PASS, RIVERA);

        lifecycle.approve(PASS);

        assertThat(instance()).isWaitingAt("Gateway_PassOver");
        assertThat(passes.changes).endsWith("activate pass-1");
    }

    @Test
    void checkInCompletesTheApprovedPass() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();
        lifecycle.approve(PASS);

        lifecycle.checkIn(PASS);

        assertThat(instance).hasPassedInOrder("Task_ApprovePass", "Task_ActivatePass", "Event_CheckIn",
                "Task_CompletePass", "EndEvent_PassCompleted").isEnded();
        assertThat(lifecycle.hasEnded(PASS)).isTrue();
    }

    @Test
    void endingTheActivePassCompletesItWithoutCheckIn() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();
        lifecycle.approve(PASS);

        lifecycle.end(PASS);

        assertThat(instance).hasPassed("Event_PassEnded").hasNotPassed("Event_CheckIn").isEnded();
        assertThat(passes.changes).endsWith("activate pass-1", "complete pass-1");
    }

    @Test
    void deniedRequestEndsWithoutActivating() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();

        lifecycle.deny(PASS);

        assertThat(instance).hasPassed("Task_DenyPass").isEnded();
        assertThat(passes.changes).containsExactly("evaluate pass-1", "route pass-1", "deny pass-1");
    }

    @Test
    void cancelledRequestEndsBeforeAnyDecision() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();

        lifecycle.cancel(PASS);

        assertThat(instance).hasPassed("Boundary_RequestCancelled", "EndEvent_PassCancelled").isEnded();
        assertThat(passes.changes).endsWith("cancel pass-1");
    }

    @Test
    void blockingFlagDeniesTheRequestWithoutReachingATeacher() {
        passes.blocking = true;

        lifecycle.start(PASS, RIVERA);

        assertThat(lifecycle.hasEnded(PASS)).isTrue();
        assertThat(passes.changes).containsExactly("evaluate pass-1", "deny pass-1");
    }

    @Test
    void secondDecisionOnTheSameRequestIsAConflict() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approve(PASS);

        assertThatThrownBy(() -> lifecycle.deny(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    @Test
    void checkInBeforeApprovalIsAConflict() {
        lifecycle.start(PASS, RIVERA);

        assertThatThrownBy(() -> lifecycle.checkIn(PASS)).isInstanceOf(LifecycleConflictException.class);
        assertThat(instance()).isWaitingAt("Task_ApprovePass");
    }

    @Test
    void cancellingAnApprovedPassIsAConflict() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approve(PASS);

        assertThatThrownBy(() -> lifecycle.cancel(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    private static ProcessInstance instance() {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(PASS).singleResult();
    }
}
