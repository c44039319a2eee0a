package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model can be drawn: the auditor's page shows a pass's path on the diagram, so
 * each flow node needs a shape and each flow an edge, laid out so that a person can read
 * it (no shapes on top of each other, edges that start and end at the shapes they join).
 */
class BpmnDiagramTest {

    /**
     * How far an edge's end may lie from the border of its shape (arrowheads and
     * rounding).
     */
    private static final double TOUCH = 2;

    @ParameterizedTest
    @MethodSource("org.corridor.workflow.pass.BpmnConventionsTest#models")
    void everyFlowNodeHasOneShape(String file) {
        BpmnModelInstance model = read(file);
        Map<String, Long> shapes = model.getModelElementsByType(BpmnShape.class)
            .stream()
            .collect(Collectors.groupingBy(s -> s.getBpmnElement().getAttributeValue("id"), Collectors.counting()));

        assertThat(model.getModelElementsByType(FlowNode.class))
            .allSatisfy(node -> assertThat(shapes.get(node.getId())).as(node.getId()).isEqualTo(1L));
    }

    @ParameterizedTest
    @MethodSource("org.corridor.workflow.pass.BpmnConventionsTest#models")
    void everySequenceFlowHasAnEdgeFromItsSourceToItsTarget(String file) {
        BpmnModelInstance model = read(file);
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class)
            .stream()
            .collect(Collectors.toMap(e -> e.getBpmnElement().getAttributeValue("id"), Function.identity()));
        Map<String, Bounds> bounds = shapeBounds(model);

        assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow -> {
            BpmnEdge edge = edges.get(flow.getId());
            assertThat(edge).as(flow.getId()).isNotNull();
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            assertThat(points).as(flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(onBorder(points.get(0), bounds.get(flow.getSource().getId())))
                .as(flow.getId() + " starts at " + flow.getSource().getId())
                .isTrue();
            assertThat(onBorder(points.get(points.size() - 1), bounds.get(flow.getTarget().getId())))
                .as(flow.getId() + " ends at " + flow.getTarget().getId())
                .isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("org.corridor.workflow.pass.BpmnConventionsTest#models")
    void noTwoShapesOfOneLevelOverlap(String file) {
        BpmnModelInstance model = read(file);
        Map<String, Bounds> bounds = shapeBounds(model);
        List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class)
            .stream()
            .filter(n -> !(n instanceof BoundaryEvent))
            .toList();

        for (FlowNode a : nodes) {
            for (FlowNode b : nodes) {
                if (a.getId().compareTo(b.getId()) < 0 && a.getParentElement() == b.getParentElement()) {
                    assertThat(overlap(bounds.get(a.getId()), bounds.get(b.getId())))
                        .as(a.getId() + " and " + b.getId())
                        .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.corridor.workflow.pass.BpmnConventionsTest#models")
    void boundaryEventsSitOnTheBorderOfTheirActivity(String file) {
        BpmnModelInstance model = read(file);
        Map<String, Bounds> bounds = shapeBounds(model);

        assertThat(model.getModelElementsByType(BoundaryEvent.class)).allSatisfy(event -> {
            Bounds e = bounds.get(event.getId());
            Bounds host = bounds.get(event.getAttachedTo().getId());
            double cx = e.getX() + e.getWidth() / 2;
            double cy = e.getY() + e.getHeight() / 2;
            assertThat(onBorder(cx, cy, host)).as(event.getId()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("org.corridor.workflow.pass.BpmnConventionsTest#models")
    void subProcessesAreDrawnOpenAroundWhatTheyHold(String file) {
        BpmnModelInstance model = read(file);
        Map<String, Bounds> bounds = shapeBounds(model);
        Collection<SubProcess> subProcesses = model.getModelElementsByType(SubProcess.class);

        assertThat(subProcesses).allSatisfy(sub -> {
            assertThat(shape(model, sub.getId()).isExpanded()).as(sub.getId()).isTrue();
            Bounds outer = bounds.get(sub.getId());
            assertThat(sub.getChildElementsByType(FlowNode.class)).allSatisfy(child -> {
                Bounds inner = bounds.get(child.getId());
                assertThat(inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
                        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
                        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight())
                    .as(child.getId() + " inside " + sub.getId())
                    .isTrue();
            });
        });
    }

    private static BpmnModelInstance read(String file) {
        return Bpmn.readModelFromStream(BpmnDiagramTest.class.getClassLoader().getResourceAsStream("bpmn/" + file));
    }

    private static BpmnShape shape(BpmnModelInstance model, String id) {
        return model.getModelElementsByType(BpmnShape.class)
            .stream()
            .filter(s -> id.equals(((ModelElementInstance) s.getBpmnElement()).getAttributeValue("id")))
            .findFirst()
            .orElseThrow();
    }

    private static Map<String, Bounds> shapeBounds(BpmnModelInstance model) {
        return model.getModelElementsByType(BpmnShape.class)
            .stream()
            .collect(Collectors.toMap(s -> s.getBpmnElement().getAttributeValue("id"), BpmnShape::getBounds));
    }

    private static boolean onBorder(Waypoint p, Bounds b) {
        return onBorder(p.getX(), p.getY(), b);
    }

    /**
     * On the rectangle's border, give or take TOUCH; round shapes and diamonds are drawn
     * inside their bounds.
     */
    private static boolean onBorder(double x, double y, Bounds b) {
        double left = b.getX();
        double right = b.getX() + b.getWidth();
        double top = b.getY();
        double bottom = b.getY() + b.getHeight();
        boolean withinX = x >= left - TOUCH && x <= right + TOUCH;
        boolean withinY = y >= top - TOUCH && y <= bottom + TOUCH;
        boolean onVertical = withinY && (Math.abs(x - left) <= TOUCH || Math.abs(x - right) <= TOUCH);
        boolean onHorizontal = withinX && (Math.abs(y - top) <= TOUCH || Math.abs(y - bottom) <= TOUCH);
        return onVertical || onHorizontal;
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

}
