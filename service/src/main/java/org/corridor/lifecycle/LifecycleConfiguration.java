package org.corridor.lifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.corridor.workflow.pass.ActivatePass;
import org.corridor.workflow.pass.CancelPass;
import org.corridor.workflow.pass.CompletePass;
import org.corridor.workflow.pass.DenyPass;
import org.corridor.workflow.pass.EvaluatePolicy;
import org.corridor.workflow.pass.PassLifecycle;
import org.corridor.workflow.pass.PassRecords;
import org.corridor.workflow.pass.PolicyCheck;
import org.corridor.workflow.pass.RouteRequest;

/**
 * The one package of the service that knows the engine: it hands the BPMN's delegate expressions
 * their beans (bean name = expression) and gives the rest of the service a {@link PassLifecycle}.
 */
@Configuration
class LifecycleConfiguration {

    @Bean
    PassLifecycle passLifecycle(ProcessEngine engine) {
        return new PassLifecycle(engine);
    }

    @Bean
    EvaluatePolicy evaluatePolicy(PolicyCheck policy) {
        return new EvaluatePolicy(policy);
    }

    @Bean
    RouteRequest routeRequest(PassRecords passes) {
        return new RouteRequest(passes);
    }

    @Bean
    ActivatePass activatePass(PassRecords passes) {
        return new ActivatePass(passes);
    }

    @Bean
    DenyPass denyPass(PassRecords passes) {
        return new DenyPass(passes);
    }

    @Bean
    CancelPass cancelPass(PassRecords passes) {
        return new CancelPass(passes);
    }

    @Bean
    CompletePass completePass(PassRecords passes) {
        return new CompletePass(passes);
    }
}
