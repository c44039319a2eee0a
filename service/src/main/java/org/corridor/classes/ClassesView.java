package org.corridor.classes;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.pass.PassView;

/**
 * The teacher's class view: the classes in session now, each student with the badge of
 * their pass, if any.
 */
public record ClassesView(List<ClassView> classes) {

    public record ClassView(Ref section, Ref period, Ref room, List<StudentView> students) {
    }

    /** A student's card; {@code badge} is null when the student has none. */
    public record StudentView(String id, String name, String studentNumber, @Schema(nullable = true) Badge badge) {
    }

    /**
     * What the card shows of a pass: where the student is, since when, and in which
     * colour.
     */
    public record Badge(String passId, PassType type, Ref destination, PassState state,
            @Schema(nullable = true) PassView.Color color, boolean autoPass,
            @Schema(nullable = true) Instant startedAt) {
    }

    public record Ref(String id, String name) {
    }
}
