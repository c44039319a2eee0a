package org.corridor.location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.problem.HiddenCharacters;

/**
 * The body of a destination POST or a location PUT. Every field is optional in a PUT: a
 * field left out keeps its value, and so does {@code null}, except for
 * {@code staffedById}, where {@code null} means "no teacher checks students in here any
 * more" (left out, it keeps the teacher). A POST needs {@code name} and {@code capacity}
 * and always makes a destination. A field Corridor does not know is refused, not ignored,
 * so a misspelt name cannot look like a success.
 */
final class LocationChange {

    static final int MAX_NAME = 100;
    static final int MAX_CAPACITY = 1000;

    private static final int MAX_ID = 36;

    private String name;

    private Integer capacity;

    private Boolean open;

    private Boolean autoPassAllowed;

    private Boolean destination;

    private boolean destinationGiven;

    private String staffedById;

    private boolean staffedByIdGiven;

    private final Map<String, Object> unknown = new LinkedHashMap<>();

    public void setName(String name) {
        this.name = name;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public void setOpen(Boolean open) {
        this.open = open;
    }

    public void setAutoPassAllowed(Boolean autoPassAllowed) {
        this.autoPassAllowed = autoPassAllowed;
    }

    public void setDestination(Boolean destination) {
        this.destination = destination;
        this.destinationGiven = true;
    }

    public void setStaffedById(String staffedById) {
        this.staffedById = staffedById;
        this.staffedByIdGiven = true;
    }

    @JsonAnySetter
    void unknown(String field, Object value) {
        unknown.put(field, value);
    }

    /**
     * A location's facts as an administrator sets them: what {@link Location#change}
     * takes.
     */
    record Facts(String name, boolean destination, int capacity, boolean open, boolean autoPassAllowed,
            String teacherId) {
        static Facts of(Location l) {
            return new Facts(l.getName(), l.isDestination(), l.getCapacity(), l.isOpen(), l.isAutoPassAllowed(),
                    l.getTeacherId());
        }

        void applyTo(Location location) {
            location.change(name, destination, capacity, open, autoPassAllowed, teacherId);
        }
    }

    /**
     * A new destination's facts: open and without auto passes unless the body says
     * otherwise.
     * @param teachers the person of the caller's district with that id, if any
     * @throws ApiProblem 400 naming every invalid field
     */
    Facts forNewDestination(Function<String, Optional<Person>> teachers) {
        List<FieldError> errors = new ArrayList<>();
        if (destinationGiven) {
            errors.add(new FieldError("destination", "is not taken here: this call always makes a destination. To "
                    + "make an existing room a destination, PUT /api/admin/schools/{schoolId}/locations/{id} with "
                    + "destination true."));
        }
        if (name == null) {
            errors.add(new FieldError("name", "is required."));
        }
        if (capacity == null) {
            errors.add(new FieldError("capacity",
                    "is required: how many students may be there at once, 0 for no " + "limit."));
        }
        Facts facts = new Facts(name == null ? null : name.strip(), true, capacity == null ? 0 : capacity,
                open == null || open, autoPassAllowed != null && autoPassAllowed, staffedById);
        return validated(facts, errors, teachers);
    }

    /**
     * The location's current facts with this change laid over them, validated as a whole.
     * @throws ApiProblem 400 naming every invalid field; nothing has been changed
     */
    Facts mergedWith(Facts current, Function<String, Optional<Person>> teachers) {
        List<FieldError> errors = new ArrayList<>();
        Facts facts = new Facts(name == null ? current.name() : name.strip(),
                destination == null ? current.destination() : destination,
                capacity == null ? current.capacity() : capacity, open == null ? current.open() : open,
                autoPassAllowed == null ? current.autoPassAllowed() : autoPassAllowed,
                staffedByIdGiven ? staffedById : current.teacherId());
        if (destinationGiven && destination == null) {
            errors.add(new FieldError("destination", "must be true or false."));
        }
        // An unchanged teacher is not checked again: one who has since left must not
        // block renaming the room.
        boolean teacherChanged = staffedByIdGiven && staffedById != null && !staffedById.equals(current.teacherId());
        return validated(facts, errors, teacherChanged ? teachers : null);
    }

    private Facts validated(Facts facts, List<FieldError> errors, Function<String, Optional<Person>> teachers) {
        unknown.keySet()
            .stream()
            .sorted()
            .forEach(field -> errors.add(new FieldError(field,
                    "is not a field of a location; the fields are name, capacity, open, autoPassAllowed, staffedById "
                            + "and destination.")));
        if (facts.name() != null) {
            if (facts.name().isEmpty()) {
                errors.add(new FieldError("name", "must not be blank."));
            }
            else if (facts.name().length() > MAX_NAME) {
                errors.add(new FieldError("name",
                        "must be at most " + MAX_NAME + " characters; got " + facts.name().length() + "."));
            }
            HiddenCharacters.in(facts.name(), false).ifPresent(message -> errors.add(new FieldError("name", message)));
        }
        if (facts.capacity() < 0 || facts.capacity() > MAX_CAPACITY) {
            errors.add(new FieldError("capacity",
                    "must be between 0 (no limit) and " + MAX_CAPACITY + "; got " + facts.capacity() + "."));
        }
        if (teachers != null && facts.teacherId() != null) {
            teacherProblem(facts.teacherId(), teachers)
                .ifPresent(message -> errors.add(new FieldError("staffedById", message)));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return facts;
    }

    private static Optional<String> teacherProblem(String id, Function<String, Optional<Person>> teachers) {
        Optional<Person> person = id.length() > MAX_ID ? Optional.empty() : teachers.apply(id);
        if (person.isEmpty() || person.get().isRemoved()) {
            return Optional.of("There is no teacher " + id + " in your district.");
        }
        if (!person.get().has(Role.TEACHER)) {
            return Optional
                .of("Person " + id + " is not a teacher: only a teacher can check students in at a " + "destination.");
        }
        return Optional.empty();
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return InvalidInput.fields("Invalid location", "location", errors);
    }

}
