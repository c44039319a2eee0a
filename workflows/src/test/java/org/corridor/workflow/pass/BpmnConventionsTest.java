package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** The conventions every Corridor model keeps, checked on the model itself. */
class BpmnConventionsTest {
    private final BpmnModelInstance model = read("bpmn/pass-lifecycle.bpmn");

    @Test
    void everyElementHasANameAndAReadableId() {
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);

        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getId()).matches("(StartEvent|EndEvent|Task|Gateway|Event|Boundary)_[A-Z][A-Za-z]+");
            assertThat(node.getName()).as(node.getId()).isNotBlank();
        });
    }

    @Test
    void serviceTasksCallBeansByDelegateExpressionOnly() {
        assertThat(model.getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-z][A-Za-z]+}");
            assertThat(task.getCamundaClass()).isNull();
            assertThat(task.getCamundaExpression()).isNull();
        });
    }

    @Test
    void historyIsKeptForALimitedTime() {
        assertThat(model.getModelElementsByType(Process.class))
                .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D"));
    }

    private static BpmnModelInstance read(String resource) {
        InputStream in = BpmnConventionsTest.class.getClassLoader().getResourceAsStream(resource);
        return Bpmn.readModelFromStream(in);
    }
}
