package org.corridor.workflow.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.corridor.workflow.pass.InMemoryEngine.NOW;
import static org.corridor.workflow.pass.InMemoryEngine.TIMERS;
import static org.corridor.workflow.pass.InMemoryEngine.at;
import static org.corridor.workflow.pass.InMemoryEngine.fire;
import static org.corridor.workflow.pass.InMemoryEngine.timerAt;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.corridor.workflow.pass.EndEventCoverage;
import org.corridor.workflow.pass.InMemoryEngine;
import org.corridor.workflow.pass.LifecycleConflictException;
import org.corridor.workflow.pass.PassLifecycle;
import org.corridor.workflow.pass.PassRef;
import org.corridor.workflow.pass.RecordedPasses;

@Deployment(resources = { "bpmn/appointment-pass.bpmn", "bpmn/pass-lifecycle.bpmn" })
class AppointmentProcessTest {

    private static final String DISTRICT = "district-north";

    private static final PassRef PASS = new PassRef("pass-7", DISTRICT);

    private static final String OKAFOR = "teacher-okafor";

    private static final Instant STARTS_AT = NOW.plus(Duration.ofHours(2));

    /**
     * Five minutes ahead, as the design asks; the exact seconds prove the timer read the
     * instant, Z and all.
     */
    private static final Instant ANNOUNCE_AT = STARTS_AT.minus(Duration.ofMinutes(5)).plusSeconds(7);

    @RegisterExtension
    @Order(1)
    static ProcessEngineExtension extension = InMemoryEngine.extension();

    @RegisterExtension
    @Order(2)
    static EndEventCoverage coverage = new EndEventCoverage(extension, "bpmn/appointment-pass.bpmn");

    private final RecordedAppointments appointments = new RecordedAppointments();

    private final RecordedPasses passes = new RecordedPasses();

    private PassLifecycle lifecycle;

    @BeforeEach
    void registerDelegates() {
        AbstractAssertions.init(extension.getProcessEngine());
        appointments.registerAsMocks();
        passes.registerAsMocks();
        // An appointment at its time starts active, as the service answers for the
        // APPOINTMENT type.
        passes.startsWithoutApproval = true;
        lifecycle = new PassLifecycle(extension.getProcessEngine());
        ClockUtil.setCurrentTime(at(NOW));
    }

    @AfterEach
    void forgetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void bookedAppointmentWaitsForItsLeadTime() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);

        assertThat(appointment()).isWaitingAt("Gateway_BeforeAnnouncement");
        assertThat(timerAt(managementService(), "Event_AnnouncementDue").getDuedate()).isEqualTo(at(ANNOUNCE_AT));
        assertThat(appointments.changes).isEmpty();
    }

    @Test
    void announcedAppointmentWaitsForItsTime() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);

        fire(managementService(), "Event_AnnouncementDue");

        assertThat(appointment()).hasPassed("Task_AnnounceAppointment").isWaitingAt("Gateway_BeforeStart");
        assertThat(timerAt(managementService(), "Event_AppointmentDue").getDuedate()).isEqualTo(at(STARTS_AT));
        assertThat(appointments.changes).containsExactly("announce pass-7");
    }

    @Test
    void appointmentAtItsTimeStartsThePassLifecycleUnderThePassId() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(appointment()).isWaitingAt("CallActivity_PassLifecycle");
        assertThat(passLifecycle()).isNotNull();
        assertThat(passLifecycle()).isWaitingAt("Gateway_PassOver");
        assertThat(passes.changes).containsExactly("evaluate pass-7", "decide pass-7", "activate pass-7");
    }

    @Test
    void appointmentThatNeedsApprovalAtItsTimeGoesToTheRoutedTeacher() {
        // The service starts appointments active; the model still hands the lifecycle its
        // teacher.
        passes.startsWithoutApproval = false;
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(passLifecycle()).isWaitingAt("Task_ApprovePass").task().isAssignedTo(OKAFOR);
    }

    @Test
    void bookedAppointmentKeepsOnlyItsStartTime() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);

        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(appointment().getId()).list())
            .extracting(VariableInstance::getName)
            .containsExactly(PassLifecycle.STARTS_AT);
    }

    @Test
    void passLifecycleStartedByTheAppointmentKeepsNoVariables() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(passLifecycle().getId()).count())
            .isZero();
    }

    @Test
    void startedAppointmentPassTimesFromItsStartWithTheSchoolsDurations() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(timerAt(managementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(STARTS_AT.plus(TIMERS.longRunning())));
    }

    @Test
    void startedAppointmentPassIsCheckedInLikeAnyPass() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        ProcessInstance appointment = appointment();
        fire(managementService(), "Event_AnnouncementDue");
        fire(managementService(), "Event_AppointmentDue");

        lifecycle.checkIn(PASS);

        assertThat(lifecycle.hasEnded(PASS)).isTrue();
        assertThat(appointment).hasPassed("EndEvent_AppointmentOver").isEnded();
        assertThat(passes.changes).endsWith("complete pass-7");
    }

    @Test
    void appointmentThatCannotStartIsMissed() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        ProcessInstance appointment = appointment();
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(appointment).hasPassed("Task_MissAppointment", "EndEvent_AppointmentMissed")
            .hasNotPassed("CallActivity_PassLifecycle")
            .isEnded();
        assertThat(appointments.changes).containsExactly("announce pass-7", "start pass-7", "miss pass-7");
        assertThat(passes.changes).isEmpty();
    }

    @Test
    void appointmentCancelledBeforeItsAnnouncementIsNeverAnnounced() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        ProcessInstance appointment = appointment();

        lifecycle.cancelAppointment(PASS);

        assertThat(appointment).hasPassed("Event_CancelledBeforeAnnouncement", "EndEvent_AppointmentCancelled")
            .isEnded();
        assertThat(managementService().createJobQuery().timers().count()).isZero();
        assertThat(appointments.changes).containsExactly("cancel pass-7");
    }

    @Test
    void appointmentCancelledAfterItsAnnouncementNeverStarts() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        ProcessInstance appointment = appointment();
        fire(managementService(), "Event_AnnouncementDue");

        lifecycle.cancelAppointment(PASS);

        assertThat(appointment).hasPassed("Event_CancelledBeforeStart", "EndEvent_AppointmentCancelled").isEnded();
        assertThat(managementService().createJobQuery().timers().count()).isZero();
        assertThat(appointments.changes).containsExactly("announce pass-7", "cancel pass-7");
    }

    @Test
    void cancellingAStartedAppointmentIsAConflict() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");
        fire(managementService(), "Event_AppointmentDue");

        assertThatThrownBy(() -> lifecycle.cancelAppointment(PASS)).isInstanceOf(LifecycleConflictException.class);
    }

    @Test
    void appointmentBookedInsideItsLeadTimeIsAnnouncedAtOnce() {
        lifecycle.scheduleAppointment(PASS, NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofMinutes(4)));

        // Only jobs already due are executable: the job executor takes this one on its
        // next round, clock unmoved.
        managementService().createJobQuery()
            .timers()
            .executable()
            .list()
            .forEach(job -> managementService().executeJob(job.getId()));

        assertThat(appointments.changes).containsExactly("announce pass-7");
        assertThat(appointment()).isWaitingAt("Gateway_BeforeStart");
    }

    // --- districts

    @Test
    void bookedAppointmentAndItsTimersCarryTheDistrict() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);

        assertThat(appointment().getTenantId()).isEqualTo(DISTRICT);
        assertThat(timerAt(managementService(), "Event_AnnouncementDue").getTenantId()).isEqualTo(DISTRICT);
    }

    @Test
    void passLifecycleStartedByTheAppointmentCarriesItsDistrict() {
        appointments.start = Optional.of(new AppointmentStart(OKAFOR));
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);
        fire(managementService(), "Event_AnnouncementDue");

        fire(managementService(), "Event_AppointmentDue");

        assertThat(passLifecycle().getTenantId()).isEqualTo(DISTRICT);
        assertThat(timerAt(managementService(), "Boundary_LongRunning").getTenantId()).isEqualTo(DISTRICT);
    }

    @Test
    void appointmentCannotBeCancelledFromAnotherDistrict() {
        lifecycle.scheduleAppointment(PASS, ANNOUNCE_AT, STARTS_AT);

        assertThatThrownBy(() -> lifecycle.cancelAppointment(new PassRef(PASS.passId(), "district-south")))
            .isInstanceOf(LifecycleConflictException.class);
        assertThat(appointment()).isWaitingAt("Gateway_BeforeAnnouncement");
    }

    private static ProcessInstance appointment() {
        return runtimeService().createProcessInstanceQuery()
            .processDefinitionKey(PassLifecycle.APPOINTMENT_PROCESS)
            .processInstanceBusinessKey(PASS.passId())
            .singleResult();
    }

    private static ProcessInstance passLifecycle() {
        return runtimeService().createProcessInstanceQuery()
            .processDefinitionKey(PassLifecycle.PROCESS)
            .processInstanceBusinessKey(PASS.passId())
            .singleResult();
    }

}
