package org.corridor.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextValidatorTest {

    record Named(@PlainText String name, @PlainText(multiLine = true) String note) {
    }

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @ParameterizedTest(name = "U+{0} in a name: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000 | contains a NUL character (U+0000) at position 3.
            0007 | contains a control character (U+0007) at position 3.
            0009 | contains a control character (U+0009) at position 3.
            000A | contains a control character (U+000A) at position 3.
            000D | contains a control character (U+000D) at position 3.
            001B | contains a control character (U+001B) at position 3.
            007F | contains a control character (U+007F) at position 3.
            0085 | contains a control character (U+0085) at position 3.
            D800 | contains a lone surrogate (half of a character) (U+D800) at position 3.
            DC00 | contains a lone surrogate (half of a character) (U+DC00) at position 3.
            202A | contains a bidirectional override or isolate (U+202A) at position 3.
            202E | contains a bidirectional override or isolate (U+202E) at position 3.
            2066 | contains a bidirectional override or isolate (U+2066) at position 3.
            2069 | contains a bidirectional override or isolate (U+2069) at position 3.
            """)
    void nameWithAHidingCharacterIsRefusedSayingWhichAndWhere(String hex, String message) {
        String name = "Ro" + (char) Integer.parseInt(hex, 16) + "om";

        Set<ConstraintViolation<Named>> violations = validator.validate(new Named(name, null));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("name");
            assertThat(v.getMessage()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = { "Room 204", "Bibliothèque", "المكتبة", "図書館", "Gym 🏀", "Nurse's office \u200F(RTL mark)", "" })
    void plainTextOfAnyScriptIsAccepted(String name) {
        assertThat(validator.validate(new Named(name, name))).isEmpty();
        assertThat(validator.validate(new Named(null, null))).isEmpty();
    }

    @Test
    void noteKeepsLineBreaksAndTabsButNotOtherControlCharacters() {
        assertThat(validator.validate(new Named("Ok", "Line one\nline two\r\n\tindented"))).isEmpty();

        assertThat(validator.validate(new Named("Ok", "Line one\rover-typed"))).singleElement()
            .satisfies(v -> assertThat(v.getMessage()).isEqualTo(
                    "contains a control character (U+000D) at position 9; only line breaks and tabs are allowed."));
        assertThat(validator.validate(new Named("Ok", "pay\u202Eevil"))).singleElement()
            .satisfies(v -> assertThat(v.getPropertyPath()).hasToString("note"));
    }

    @Test
    void surrogatePairAtTheEndIsWholeButAHalfIsNot() {
        assertThat(HiddenCharacters.in("Gym 🏀", false)).isEmpty();
        assertThat(HiddenCharacters.in("Gym \uD83C", false))
            .contains("contains a lone surrogate (half of a character) (U+D83C) at position 5.");
        assertThat(HiddenCharacters.in("\uDFC0\uD83C", false)).isPresent();
    }

}
