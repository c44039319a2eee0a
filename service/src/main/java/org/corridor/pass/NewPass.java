package org.corridor.pass;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.corridor.problem.PlainText;

/**
 * The body of {@code POST /api/passes}. {@code departingFromSectionId} is required except
 * at a kiosk (the student's class in the kiosk's room) and for an appointment when the
 * student has one class at its time. {@code pin} only at a kiosk of a school that asks
 * for one.
 */
public record NewPass(@Size(max = 36) String departingFromSectionId, @NotBlank @Size(max = 36) String destinationId,
        @NotNull PassType type, @Size(max = 36) String studentId, @Size(max = 64) String studentNumber,
        Instant startsAt, @Size(max = 500) @PlainText(multiLine = true) String note, @Size(max = 64) String pin) {
}
