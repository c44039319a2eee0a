package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The acceptance bar "a process test covers every path of the model", made checkable:
 * after each test it notes which end events of the model the test's instances reached;
 * after the class, every end event must have been reached. Register it after the engine
 * extension ({@code @Order}) so that it reads the history before the engine extension
 * deletes the test's deployment. Skipped when only some tests ran.
 */
public final class EndEventCoverage implements AfterTestExecutionCallback, AfterAllCallback {

    private final ProcessEngineExtension engine;

    private final String processKey;

    private final Set<String> endEvents;

    private final Set<String> reached = new TreeSet<>();

    private final AtomicInteger testsRun = new AtomicInteger();

    public EndEventCoverage(ProcessEngineExtension engine, String resource) {
        this.engine = engine;
        BpmnModelInstance model = read(resource);
        this.processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
        this.endEvents = model.getModelElementsByType(EndEvent.class)
            .stream()
            .map(EndEvent::getId)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        testsRun.incrementAndGet();
        engine.getProcessEngine()
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .finished()
            .list()
            .stream()
            .filter(a -> processKey.equals(a.getProcessDefinitionKey()))
            .map(HistoricActivityInstance::getActivityId)
            .filter(endEvents::contains)
            .forEach(reached::add);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long declared = Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class))
            .map(Method::getName)
            .count();
        if (testsRun.get() < declared) {
            return;
        }
        assertThat(reached)
            .as("end events of %s reached by the tests of %s", processKey,
                    context.getRequiredTestClass().getSimpleName())
            .isEqualTo(endEvents);
    }

    private static BpmnModelInstance read(String resource) {
        InputStream in = EndEventCoverage.class.getClassLoader().getResourceAsStream(resource);
        return Bpmn.readModelFromStream(in);
    }

}
