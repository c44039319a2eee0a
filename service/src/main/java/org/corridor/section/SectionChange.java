package org.corridor.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;

/**
 * The body of a section PUT: {@code periods} (names of the school's bell schedule),
 * {@code roomId} and {@code mainTeacherId}, each optional; a field left out keeps its
 * value. {@code null} is refused: a class keeps a room and a main teacher once it has
 * them. A field Corridor does not know is refused, not ignored.
 */
final class SectionChange {

    static final int MAX_PERIODS = 20;

    private List<String> periods;

    private boolean periodsGiven;

    private String roomId;

    private boolean roomIdGiven;

    private String mainTeacherId;

    private boolean mainTeacherIdGiven;

    private final Map<String, Object> unknown = new LinkedHashMap<>();

    public void setPeriods(List<String> periods) {
        this.periods = periods;
        this.periodsGiven = true;
    }

    public void setRoomId(String roomId) {
        this.roomId = roomId;
        this.roomIdGiven = true;
    }

    public void setMainTeacherId(String mainTeacherId) {
        this.mainTeacherId = mainTeacherId;
        this.mainTeacherIdGiven = true;
    }

    @JsonAnySetter
    void unknown(String field, Object value) {
        unknown.put(field, value);
    }

    /** What the class will be: the current values with this change laid over them. */
    record Facts(Set<String> periods, String roomId, String mainTeacherId) {
    }

    /** Checks each field given against what the school has. */
    interface School {

        /** The names of the school's bell schedule, in its order. */
        List<String> periodNames();

        /** Why this id is not a room of the school, or null when it is one. */
        String roomProblem(String id);

        /** Why this id is not a teacher who may teach in the school, or null. */
        String teacherProblem(String id);

    }

    /**
     * @throws ApiProblem 400 naming every invalid field; nothing has been changed
     */
    Facts mergedWith(Facts current, School school) {
        List<FieldError> errors = new ArrayList<>();
        unknown.keySet()
            .stream()
            .sorted()
            .forEach(field -> errors.add(new FieldError(field,
                    "is not a field of a class here; the fields are periods, roomId and mainTeacherId.")));
        Set<String> newPeriods = current.periods();
        if (periodsGiven) {
            newPeriods = periods(errors, school);
        }
        if (roomIdGiven) {
            String problem = roomId == null ? "must name a room of the school." : school.roomProblem(roomId);
            if (problem != null) {
                errors.add(new FieldError("roomId", problem));
            }
        }
        if (mainTeacherIdGiven) {
            String problem = mainTeacherId == null ? "must name a teacher: the main teacher receives the requests."
                    : school.teacherProblem(mainTeacherId);
            if (problem != null) {
                errors.add(new FieldError("mainTeacherId", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid class", "class", errors);
        }
        return new Facts(newPeriods, roomIdGiven ? roomId : current.roomId(),
                mainTeacherIdGiven ? mainTeacherId : current.mainTeacherId());
    }

    private Set<String> periods(List<FieldError> errors, School school) {
        if (periods == null || periods.isEmpty()) {
            errors.add(new FieldError("periods", "must name at least one period of the bell schedule."));
            return null;
        }
        if (periods.size() > MAX_PERIODS) {
            errors.add(new FieldError("periods", "may name at most " + MAX_PERIODS + " periods."));
            return null;
        }
        List<String> known = school.periodNames();
        Set<String> chosen = new TreeSet<>();
        List<String> unknownNames = new ArrayList<>();
        for (String name : periods) {
            if (name == null || !known.contains(name)) {
                unknownNames.add(name == null ? "null" : "'" + name + "'");
            }
            else if (!chosen.add(name)) {
                errors.add(new FieldError("periods", "names period '" + name + "' twice."));
                return null;
            }
        }
        if (!unknownNames.isEmpty()) {
            errors.add(new FieldError("periods",
                    known.isEmpty() ? "The school's bell schedule has no period yet: add the periods first."
                            : "may only name periods of the school's bell schedule (" + String.join(", ", known)
                                    + "); not " + String.join(", ", unknownNames) + "."));
            return null;
        }
        return chosen;
    }

}
