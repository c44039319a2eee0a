package org.corridor.problem;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}, saying which character and where. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean multiLine;

    @Override
    public void initialize(PlainText constraint) {
        multiLine = constraint.multiLine();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        Optional<String> problem = HiddenCharacters.in(value, multiLine);
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The message goes through message interpolation: escape what it treats as
        // expressions.
        context.buildConstraintViolationWithTemplate(problem.get().replaceAll("([\\\\{}$])", "\\\\$1"))
            .addConstraintViolation();
        return false;
    }

}
