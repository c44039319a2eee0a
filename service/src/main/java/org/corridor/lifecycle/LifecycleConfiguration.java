package org.corridor.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.corridor.retention.Retention;
import org.corridor.workflow.appointment.AnnounceAppointment;
import org.corridor.workflow.appointment.AppointmentTransitions;
import org.corridor.workflow.appointment.CancelAppointment;
import org.corridor.workflow.appointment.MissAppointment;
import org.corridor.workflow.appointment.StartAppointment;
import org.corridor.workflow.pass.ActivatePass;
import org.corridor.workflow.pass.AnnounceAgain;
import org.corridor.workflow.pass.CancelPass;
import org.corridor.workflow.pass.CompletePass;
import org.corridor.workflow.pass.DecideApproval;
import org.corridor.workflow.pass.DenyPass;
import org.corridor.workflow.pass.DistrictTenants;
import org.corridor.workflow.pass.EndBySystem;
import org.corridor.workflow.pass.EscalateRequest;
import org.corridor.workflow.pass.EvaluatePolicy;
import org.corridor.workflow.pass.ExpireRequest;
import org.corridor.workflow.pass.ExpireWaiting;
import org.corridor.workflow.pass.JoinLine;
import org.corridor.workflow.pass.MarkLongRunning;
import org.corridor.workflow.pass.PassLifecycle;
import org.corridor.workflow.pass.PassTransitions;
import org.corridor.workflow.pass.PolicyCheck;
import org.corridor.workflow.pass.RouteRequest;
import org.corridor.workflow.pass.TimerDurations;
import org.corridor.workflow.pass.TimerSettings;

/**
 * The one package of the service that knows the engine: it hands the BPMN's delegate and
 * timer expressions their beans (bean name = expression) and gives the rest of the
 * service a {@link PassLifecycle}.
 */
@Configuration
class LifecycleConfiguration {

    @Bean
    PassLifecycle passLifecycle(ProcessEngine engine) {
        return new PassLifecycle(engine);
    }

    /**
     * Every pass process instance carries its district as tenant id; the definitions stay
     * shared.
     */
    @Bean
    ProcessEnginePlugin districtTenants() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new DistrictTenants());
            }
        };
    }

    /**
     * History kept to what Corridor reads ({@link PassHistoryLevel}, named in
     * application.yml), and the removal time stamped only where that history is.
     */
    @Bean
    ProcessEnginePlugin passHistoryLevel() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomHistoryLevels(List.of(PassHistoryLevel.INSTANCE));
                configuration.setHistoryEventProducer(new PassHistoryEventProducer());
            }
        };
    }

    /**
     * A pass's process history is timed for removal when the pass ends, after its
     * district's pass retention (the nightly purge only times those that ended before).
     * The settings are read lazily: the engine is built before the service's beans.
     */
    @Bean
    ProcessEnginePlugin districtRemovalTimes(ObjectProvider<Retention> retention) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration
                    .setHistoryRemovalTimeProvider(new DistrictRemovalTime(d -> retention.getObject().passDays(d)));
            }
        };
    }

    // --- pass-lifecycle.bpmn

    @Bean
    EvaluatePolicy evaluatePolicy(PolicyCheck policy) {
        return new EvaluatePolicy(policy);
    }

    @Bean
    DecideApproval decideApproval(PassTransitions passes) {
        return new DecideApproval(passes);
    }

    @Bean
    RouteRequest routeRequest(PassTransitions passes) {
        return new RouteRequest(passes);
    }

    @Bean
    ActivatePass activatePass(PassTransitions passes) {
        return new ActivatePass(passes);
    }

    @Bean
    DenyPass denyPass(PassTransitions passes) {
        return new DenyPass(passes);
    }

    @Bean
    CancelPass cancelPass(PassTransitions passes) {
        return new CancelPass(passes);
    }

    @Bean
    AnnounceAgain announceAgain(PassTransitions passes) {
        return new AnnounceAgain(passes);
    }

    @Bean
    EscalateRequest escalateRequest(PassTransitions passes) {
        return new EscalateRequest(passes);
    }

    @Bean
    ExpireRequest expireRequest(PassTransitions passes) {
        return new ExpireRequest(passes);
    }

    @Bean
    JoinLine joinLine(PassTransitions passes) {
        return new JoinLine(passes);
    }

    @Bean
    ExpireWaiting expireWaiting(PassTransitions passes) {
        return new ExpireWaiting(passes);
    }

    @Bean
    MarkLongRunning markLongRunning(PassTransitions passes) {
        return new MarkLongRunning(passes);
    }

    @Bean
    EndBySystem endBySystem(PassTransitions passes) {
        return new EndBySystem(passes);
    }

    @Bean
    CompletePass completePass(PassTransitions passes) {
        return new CompletePass(passes);
    }

    /** The timers' durations, asked of the school's settings when each timer is set. */
    @Bean
    TimerDurations timerDurations(TimerSettings settings) {
        return new TimerDurations(settings);
    }

    // --- appointment-pass.bpmn

    @Bean
    AnnounceAppointment announceAppointment(AppointmentTransitions appointments) {
        return new AnnounceAppointment(appointments);
    }

    @Bean
    StartAppointment startAppointment(AppointmentTransitions appointments) {
        return new StartAppointment(appointments);
    }

    @Bean
    MissAppointment missAppointment(AppointmentTransitions appointments) {
        return new MissAppointment(appointments);
    }

    @Bean
    CancelAppointment cancelAppointment(AppointmentTransitions appointments) {
        return new CancelAppointment(appointments);
    }

}
