package org.corridor.workflow.pass;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Gives every pass process instance its district as tenant id. The process definitions
 * are shared by all districts (deployed without a tenant); the Camunda user guide's way
 * to tag instances of shared definitions is a tenant id provider. {@link PassLifecycle}
 * passes the district as the start variable {@link #DISTRICT_ID}; an instance started by
 * a call activity (the pass-lifecycle of an appointment) takes its caller's tenant.
 * Tasks, jobs, event subscriptions and history then carry it from the instance.
 * <p>
 * An instance started without a district is refused: a pass always belongs to one.
 */
public class DistrictTenants implements TenantIdProvider {

    public static final String DISTRICT_ID = "districtId";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        Object district = context.getVariables().get(DISTRICT_ID);
        if (!(district instanceof String id) || id.isBlank()) {
            throw new IllegalStateException("A " + context.getProcessDefinition().getKey()
                    + " instance must be started with its district (variable " + DISTRICT_ID + ")");
        }
        return id;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return null;
    }

}
