package org.corridor.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person reads, such as a name or a note, that hides nothing: no control
 * characters, lone surrogates or bidirectional overrides ({@link HiddenCharacters}). A
 * violation is a 400 {@code invalid-input} naming the field.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    /** Whether line breaks and tabs are allowed, as in a note. */
    boolean multiLine() default false;

    String message() default "contains a character that can hide text.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
