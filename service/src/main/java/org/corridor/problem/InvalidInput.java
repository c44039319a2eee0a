package org.corridor.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request whose fields are well-formed but name something that cannot be used. */
public final class InvalidInput {
    private InvalidInput() {
    }

    public static ApiProblem field(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", message)
                .with("errors", List.of(new FieldError(field, message)));
    }
}
