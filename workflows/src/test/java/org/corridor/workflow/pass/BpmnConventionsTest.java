package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions every Corridor model keeps, checked on each model in the folder, so a
 * new model cannot skip them.
 */
class BpmnConventionsTest {

    private static final String FOLDER = "bpmn";

    private static final String EXPRESSION = "\\$\\{[a-z][A-Za-z]+}";

    /**
     * A duration the school sets, asked of the timerDurations bean when the timer is set.
     */
    private static final String TIMER_DURATION = "\\$\\{timerDurations\\.[a-z][A-Za-z]+\\(execution\\)}";

    static List<String> models() throws IOException, URISyntaxException {
        Path folder = Path.of(BpmnConventionsTest.class.getClassLoader().getResource(FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted().toList();
        }
    }

    @Test
    void theFolderHoldsBothPassModels() throws Exception {
        assertThat(models()).contains("pass-lifecycle.bpmn", "appointment-pass.bpmn");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementHasANameAndAReadableId(String file) {
        Collection<FlowNode> nodes = read(file).getModelElementsByType(FlowNode.class);

        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getId())
                .matches("(StartEvent|EndEvent|Task|Gateway|Event|Boundary|SubProcess|CallActivity)_[A-Z][A-Za-z]+");
            assertThat(node.getName()).as(node.getId()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void sequenceFlowsHaveReadableIds(String file) {
        assertThat(read(file).getModelElementsByType(SequenceFlow.class))
            .allSatisfy(flow -> assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z]+"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksCallBeansByDelegateExpressionOnly(String file) {
        assertThat(read(file).getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches(EXPRESSION);
            assertThat(task.getCamundaClass()).isNull();
            assertThat(task.getCamundaExpression()).isNull();
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void timersTakeTheirTimeFromTheSchoolOrTheBookingNeverFromTheModel(String file) {
        // Each school sets its own durations; a literal in the model would silently
        // override them.
        assertThat(read(file).getModelElementsByType(TimerEventDefinition.class)).allSatisfy(timer -> {
            List<String> set = Stream.of(timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle())
                .filter(t -> t != null)
                .map(t -> t.getTextContent().trim())
                .toList();
            assertThat(set).as(timer.getId()).singleElement().asString().matches(EXPRESSION + "|" + TIMER_DURATION);
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void callActivitiesHandOverNamedVariablesOnly(String file) {
        // "all" would copy every variable of the caller into the called instance's
        // tables.
        assertThat(read(file).getModelElementsByType(CallActivity.class)).allSatisfy(
                call -> assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
                    .as(call.getId())
                    .allSatisfy(in -> assertThat(in.getCamundaVariables()).isNull()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void boundaryEventsAreNamedAndSayWhetherTheyInterrupt(String file) {
        assertThat(read(file).getModelElementsByType(BoundaryEvent.class)).allSatisfy(boundary -> {
            assertThat(boundary.getId()).startsWith("Boundary_");
            assertThat(boundary.getName()).as(boundary.getId()).isNotBlank();
            assertThat(boundary.getAttachedTo()).as(boundary.getId()).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void callActivitiesCarryThePassIdAsBusinessKey(String file) {
        // PassLifecycle finds a pass's instance by business key; a called instance
        // without it would be lost.
        assertThat(read(file).getModelElementsByType(CallActivity.class)).allSatisfy(
                call -> assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
                    .as(call.getId())
                    .anySatisfy(
                            in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}")));
    }

    @ParameterizedTest
    @MethodSource("models")
    void historyIsKeptForALimitedTime(String file) {
        assertThat(read(file).getModelElementsByType(Process.class)).isNotEmpty()
            .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D"));
    }

    private static BpmnModelInstance read(String file) {
        InputStream in = BpmnConventionsTest.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file);
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        Bpmn.validateModel(model);
        return model;
    }

}
