package org.corridor.problem;

/**
 * One bad field of a request body, as listed in a validation problem's {@code errors}.
 */
public record FieldError(String field, String message) {
}
