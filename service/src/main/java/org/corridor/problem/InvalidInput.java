package org.corridor.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * The one way to answer input that cannot be used: problem type {@code invalid-input},
 * always 400, with an {@code errors} array naming each bad field. A body that is
 * well-formed but names something unusable gets the same answer as a malformed field, so
 * a client handles one status for one problem type.
 */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static ApiProblem field(String field, String message) {
        return field("Invalid input", field, message);
    }

    public static ApiProblem field(String title, String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", title, message).with("errors",
                List.of(new FieldError(field, message)));
    }

    /**
     * Every problem of a body validated whole: "The {what} has 2 problem(s), in: a, b.
     * Nothing was changed."
     */
    public static ApiProblem fields(String title, String what, List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", title,
                "The " + what + " has " + errors.size() + " problem(s), in: " + fields + ". Nothing was changed.")
            .with("errors", List.copyOf(errors));
    }

}
