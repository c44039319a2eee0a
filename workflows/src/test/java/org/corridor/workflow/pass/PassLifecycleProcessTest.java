package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.corridor.workflow.pass.InMemoryEngine.NOW;
import static org.corridor.workflow.pass.InMemoryEngine.TIMERS;
import static org.corridor.workflow.pass.InMemoryEngine.at;
import static org.corridor.workflow.pass.InMemoryEngine.fire;
import static org.corridor.workflow.pass.InMemoryEngine.timerAt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/pass-lifecycle.bpmn")
class PassLifecycleProcessTest {

    private static final String DISTRICT = "district-north";

    private static final String OTHER_DISTRICT = "district-south";

    private static final PassRef PASS = new PassRef("pass-1", DISTRICT);

    private static final String RIVERA = "teacher-rivera";

    /** The school's settings after an administrator changed every one of them. */
    private static final PassTimers CHANGED = new PassTimers(Duration.ofMinutes(20), Duration.ofMinutes(60),
            Duration.ofMinutes(25), Duration.ofSeconds(150), Duration.ofMinutes(8));

    @RegisterExtension
    @Order(1)
    static ProcessEngineExtension extension = InMemoryEngine.extension();

    @RegisterExtension
    @Order(2)
    static EndEventCoverage coverage = new EndEventCoverage(extension, "bpmn/pass-lifecycle.bpmn");

    private final RecordedPasses passes = new RecordedPasses();

    private PassLifecycle lifecycle;

    @BeforeEach
    void registerDelegates() {
        AbstractAssertions.init(extension.getProcessEngine());
        passes.registerAsMocks();
        lifecycle = new PassLifecycle(extension.getProcessEngine());
        // Timer due dates are asserted against a known instant, not the wall clock.
        ClockUtil.setCurrentTime(at(NOW));
    }

    @AfterEach
    void forgetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- how a pass starts

    @Test
    void blockingFlagDeniesTheRequestWithoutReachingATeacher() {
        passes.blocking = true;

        lifecycle.start(PASS, RIVERA);

        assertThat(lifecycle.hasEnded(PASS)).isTrue();
        assertThat(passes.changes).containsExactly("evaluate pass-1", "deny pass-1");
    }

    @Test
    void requestWaitsForTheRoutedTeacherAfterPolicyIsEvaluated() {
        lifecycle.start(PASS, RIVERA);

        assertThat(instance()).isWaitingAt("Task_ApprovePass");
        assertThat(task()).isAssignedTo(RIVERA);
        assertThat(passes.changes).containsExactly("evaluate pass-1", "decide pass-1", "route pass-1");
    }

    @Test
    void passThatNeedsNoApprovalIsActiveAtOnce() {
        passes.startsWithoutApproval = true;

        lifecycle.start(PASS, RIVERA);

        assertThat(instance()).isWaitingAt("Gateway_PassOver").hasNotPassed("Task_RouteRequest");
        assertThat(passes.changes).containsExactly("evaluate pass-1", "decide pass-1", "activate pass-1");
    }

    // --- the teacher decides

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

        assertThat(instance)
            .hasPassedInOrder("Task_ApprovePass", "Task_ActivatePass", "Event_CheckIn", "EndEvent_CheckedIn",
                    "Task_CompletePass", "EndEvent_PassCompleted")
            .isEnded();
        assertThat(lifecycle.hasEnded(PASS)).isTrue();
    }

    @Test
    void endingTheActivePassCompletesItWithoutCheckIn() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();
        lifecycle.approve(PASS);

        lifecycle.end(PASS);

        assertThat(instance).hasPassed("EndEvent_PassEndedByPerson", "EndEvent_PassCompleted")
            .hasNotPassed("Event_CheckIn")
            .isEnded();
        assertThat(passes.changes).endsWith("activate pass-1", "complete pass-1");
    }

    @Test
    void deniedRequestEndsWithoutActivating() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();

        lifecycle.deny(PASS);

        assertThat(instance).hasPassed("Task_DenyPass", "EndEvent_PassDenied").isEnded();
        assertThat(passes.changes).containsExactly("evaluate pass-1", "decide pass-1", "route pass-1", "deny pass-1");
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
    void decidingRemovesTheRequestTimers() {
        lifecycle.start(PASS, RIVERA);

        lifecycle.approve(PASS);

        // Only the two out-timers may remain: a late resend or expiry would contradict
        // the approval.
        assertThat(managementService().createJobQuery().timers().count()).isEqualTo(2);
        assertThat(managementService().createJobQuery().timers().activityId("Boundary_LongRunning").count()).isOne();
        assertThat(managementService().createJobQuery().timers().activityId("Boundary_AutoEnd").count()).isOne();
    }

    // --- the request's timers

    @Test
    void requestTimersAreDueAfterTheDurationsTheSchoolSet() {
        lifecycle.start(PASS, RIVERA);

        assertThat(timerAt(managementService(), "Boundary_ResendUnseen").getDuedate())
            .isEqualTo(at(NOW.plusSeconds(90)));
        assertThat(timerAt(managementService(), "Boundary_EscalateUnseen").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(5))));
        assertThat(timerAt(managementService(), "Boundary_RequestExpired").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void requestTimersKeepTheirDueDatesWhenTheSchoolChangesItsSettings() {
        lifecycle.start(PASS, RIVERA);
        passes.timers = CHANGED;

        fire(managementService(), "Boundary_ResendUnseen");

        assertThat(timerAt(managementService(), "Boundary_RequestExpired").getDuedate())
            .isEqualTo(at(NOW.plus(TIMERS.requestExpiry())));
    }

    @Test
    void unseenRequestIsAnnouncedAgainAndStillWaits() {
        lifecycle.start(PASS, RIVERA);

        fire(managementService(), "Boundary_ResendUnseen");

        assertThat(instance()).hasPassed("Task_AnnounceAgain", "EndEvent_AnnouncedAgain")
            .isWaitingAt("Task_ApprovePass");
        assertThat(passes.changes).endsWith("announce again pass-1");
    }

    @Test
    void unseenRequestIsEscalatedAndStillWaits() {
        lifecycle.start(PASS, RIVERA);

        fire(managementService(), "Boundary_EscalateUnseen");

        assertThat(instance()).hasPassed("Task_EscalateRequest", "EndEvent_RequestEscalated")
            .isWaitingAt("Task_ApprovePass");
        assertThat(passes.changes).endsWith("escalate pass-1");
    }

    @Test
    void teacherCanStillApproveAnEscalatedRequest() {
        lifecycle.start(PASS, RIVERA);
        fire(managementService(), "Boundary_EscalateUnseen");

        lifecycle.approve(PASS);

        assertThat(passes.changes).endsWith("escalate pass-1", "activate pass-1");
    }

    @Test
    void requestExpiresWhenNobodyDecides() {
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();

        fire(managementService(), "Boundary_RequestExpired");

        assertThat(instance).hasPassed("Task_ExpireRequest", "EndEvent_RequestExpired").isEnded();
        assertThat(managementService().createJobQuery().timers().count()).isZero();
        assertThat(passes.changes).endsWith("expire pass-1");
    }

    @Test
    void decisionAfterExpiryIsAConflict() {
        lifecycle.start(PASS, RIVERA);
        fire(managementService(), "Boundary_RequestExpired");

        assertThatThrownBy(() -> lifecycle.approve(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    // --- the waiting line

    @Test
    void approvalToWaitPutsThePassInLineWithoutStartingItsOutTimers() {
        lifecycle.start(PASS, RIVERA);

        lifecycle.approveToWait(PASS);

        assertThat(instance()).isWaitingAt("Gateway_Waiting").hasNotPassed("Task_ActivatePass");
        assertThat(passes.changes).endsWith("route pass-1", "join line pass-1");
        assertThat(managementService().createJobQuery().timers().list()).singleElement()
            .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(at(NOW.plus(Duration.ofMinutes(7)))));
    }

    @Test
    void freedPlacePromotesTheWaitingPassAndStartsItsOutTimersThen() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approveToWait(PASS);
        ClockUtil.setCurrentTime(at(NOW.plus(Duration.ofMinutes(4))));

        lifecycle.placeFreed(PASS);

        assertThat(instance()).isWaitingAt("Gateway_PassOver").hasPassed("Event_PlaceFreed", "Task_ActivatePass");
        assertThat(passes.changes).endsWith("join line pass-1", "activate pass-1");
        assertThat(timerAt(managementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(14))));
        assertThat(managementService().createJobQuery().activityId("Event_WaitingExpired").count()).isZero();
    }

    @Test
    void waitingPassExpiresWhenNoPlaceFreesInTime() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approveToWait(PASS);
        ProcessInstance instance = instance();

        fire(managementService(), "Event_WaitingExpired");

        assertThat(instance).hasPassed("Task_ExpireWaiting", "EndEvent_WaitingExpired").isEnded();
        assertThat(passes.changes).endsWith("join line pass-1", "expire waiting pass-1");
        assertThatThrownBy(() -> lifecycle.placeFreed(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    @Test
    void studentWhoLeavesTheLineCancelsThePass() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approveToWait(PASS);
        ProcessInstance instance = instance();

        lifecycle.cancel(PASS);

        assertThat(instance).hasPassed("Event_LeftLine", "Task_CancelPass", "EndEvent_PassCancelled").isEnded();
        assertThat(passes.changes).endsWith("join line pass-1", "cancel pass-1");
        assertThat(managementService().createJobQuery().timers().count()).isZero();
    }

    @Test
    void autoPassThatFoundNoPlaceJoinsTheLineWithoutATeacher() {
        passes.joinsLine = true;

        lifecycle.start(PASS, RIVERA);

        assertThat(instance()).isWaitingAt("Gateway_Waiting").hasNotPassed("Task_RouteRequest");
        assertThat(passes.changes).containsExactly("evaluate pass-1", "decide pass-1", "join line pass-1");
    }

    @Test
    void placeFreedForAPassThatIsNotWaitingIsAConflict() {
        lifecycle.start(PASS, RIVERA);

        assertThatThrownBy(() -> lifecycle.placeFreed(PASS)).isInstanceOf(LifecycleConflictException.class);
        assertThat(instance()).isWaitingAt("Task_ApprovePass");
    }

    // --- the student is out

    @Test
    void outTimersCountFromActivation() {
        lifecycle.start(PASS, RIVERA);
        ClockUtil.setCurrentTime(at(NOW.plus(Duration.ofMinutes(2))));

        lifecycle.approve(PASS);

        // Auto-end is the total time out, not a time after long-running: both count from
        // the approval.
        assertThat(timerAt(managementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(12))));
        assertThat(timerAt(managementService(), "Boundary_AutoEnd").getDuedate())
            .isEqualTo(at(NOW.plus(Duration.ofMinutes(32))));
    }

    @Test
    void outTimersTakeTheSchoolsSettingsInForceAtActivation() {
        lifecycle.start(PASS, RIVERA);
        passes.timers = CHANGED;

        lifecycle.approve(PASS);

        assertThat(timerAt(managementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(NOW.plus(CHANGED.longRunning())));
        assertThat(timerAt(managementService(), "Boundary_AutoEnd").getDuedate())
            .isEqualTo(at(NOW.plus(CHANGED.autoEnd())));
    }

    @Test
    void longRunningPassIsMarkedAndTheStudentIsStillOut() {
        passes.startsWithoutApproval = true;
        lifecycle.start(PASS, RIVERA);

        fire(managementService(), "Boundary_LongRunning");

        assertThat(instance()).hasPassed("Task_MarkLongRunning", "EndEvent_MarkedLongRunning")
            .isWaitingAt("Gateway_PassOver");
        assertThat(passes.changes).endsWith("mark long-running pass-1");
    }

    @Test
    void checkInAfterLongRunningCompletesThePass() {
        passes.startsWithoutApproval = true;
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();
        fire(managementService(), "Boundary_LongRunning");

        lifecycle.checkIn(PASS);

        assertThat(instance).hasPassed("EndEvent_CheckedIn", "EndEvent_PassCompleted").isEnded();
        assertThat(managementService().createJobQuery().timers().count()).isZero();
        assertThat(passes.changes).endsWith("mark long-running pass-1", "complete pass-1");
    }

    @Test
    void passStillOutAtTheSchoolsLimitIsEndedBySystem() {
        passes.startsWithoutApproval = true;
        lifecycle.start(PASS, RIVERA);
        ProcessInstance instance = instance();
        fire(managementService(), "Boundary_LongRunning");

        fire(managementService(), "Boundary_AutoEnd");

        assertThat(instance).hasPassed("Task_EndBySystem", "EndEvent_EndedBySystem")
            .hasNotPassed("Task_CompletePass")
            .isEnded();
        assertThat(passes.changes).endsWith("mark long-running pass-1", "end by system pass-1");
    }

    @Test
    void checkInAfterTheSystemEndedThePassIsAConflict() {
        passes.startsWithoutApproval = true;
        lifecycle.start(PASS, RIVERA);
        fire(managementService(), "Boundary_AutoEnd");

        assertThatThrownBy(() -> lifecycle.checkIn(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    // --- what the engine keeps of a pass

    @Test
    void requestWaitingForTheTeacherKeepsNoProcessVariables() {
        String id = lifecycle.start(PASS, RIVERA);

        assertThat(instance()).isWaitingAt("Task_ApprovePass");
        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(id).count()).isZero();
    }

    @Test
    void finishedPassLeavesNoVariablesInTheHistory() {
        // On the way: routedTo and the district at start, blocked and needsApproval for
        // the first two
        // gateways, approved for the third; the test engine's history level (full) would
        // keep each of them.
        String id = lifecycle.start(PASS, RIVERA);
        lifecycle.approve(PASS);
        lifecycle.checkIn(PASS);

        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService().createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    }

    // --- conflicts

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

    // --- districts

    @Test
    void instanceTaskAndTimersCarryThePassesDistrict() {
        lifecycle.start(PASS, RIVERA);

        assertThat(instance().getTenantId()).isEqualTo(DISTRICT);
        assertThat(taskService().createTaskQuery().singleResult().getTenantId()).isEqualTo(DISTRICT);
        assertThat(managementService().createJobQuery().timers().list()).extracting(Job::getTenantId)
            .isNotEmpty()
            .containsOnly(DISTRICT);
    }

    @Test
    void anotherDistrictsQueriesFindNothingOfThePass() {
        lifecycle.start(PASS, RIVERA);

        assertThat(runtimeService().createProcessInstanceQuery().tenantIdIn(OTHER_DISTRICT).count()).isZero();
        assertThat(taskService().createTaskQuery().tenantIdIn(OTHER_DISTRICT).count()).isZero();
        assertThat(managementService().createJobQuery().tenantIdIn(OTHER_DISTRICT).count()).isZero();
    }

    @Test
    void samePassIdInAnotherDistrictCannotDecideTheRequest() {
        lifecycle.start(PASS, RIVERA);

        assertThatThrownBy(() -> lifecycle.approve(new PassRef(PASS.passId(), OTHER_DISTRICT)))
            .isInstanceOf(LifecycleConflictException.class);
        assertThat(instance()).isWaitingAt("Task_ApprovePass");
    }

    @Test
    void samePassIdInAnotherDistrictCannotEndThePass() {
        lifecycle.start(PASS, RIVERA);
        lifecycle.approve(PASS);

        assertThatThrownBy(() -> lifecycle.end(new PassRef(PASS.passId(), OTHER_DISTRICT)))
            .isInstanceOf(LifecycleConflictException.class);
        assertThat(instance()).isWaitingAt("Gateway_PassOver");
    }

    @Test
    void instanceWithoutADistrictIsRefused() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PassLifecycle.PROCESS, "pass-2",
                Map.of(PassLifecycle.ROUTED_TO, RIVERA)))
            .hasMessageContaining(DistrictTenants.DISTRICT_ID);
    }

    @Test
    void passStartedBeforeDistrictIsolationIsStillDecidedAndCheckedIn() throws SQLException {
        lifecycle.start(PASS, RIVERA);
        forgetTenantIds();

        lifecycle.approve(PASS);
        lifecycle.checkIn(PASS);

        assertThat(lifecycle.hasEnded(PASS)).isTrue();
    }

    /**
     * What a database from before district isolation holds: the engine's rows without
     * tenant ids.
     */
    private static void forgetTenantIds() throws SQLException {
        DataSource database = ((ProcessEngineConfigurationImpl) extension.getProcessEngine()
            .getProcessEngineConfiguration()).getDataSource();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.columns "
                    + "where column_name = 'TENANT_ID_' and (table_name like 'ACT_RU_%' or table_name like 'ACT_HI_%')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                s.executeUpdate("update " + table + " set TENANT_ID_ = null");
            }
        }
        assertThat(runtimeService().createProcessInstanceQuery().withoutTenantId().count()).isEqualTo(1);
    }

    private static ProcessInstance instance() {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(PASS.passId()).singleResult();
    }

}
