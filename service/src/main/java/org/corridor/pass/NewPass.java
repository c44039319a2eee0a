package org.corridor.pass;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/passes}. */
public record NewPass(
        @NotBlank @Size(max = 36) String departingFromSectionId,
        @NotBlank @Size(max = 36) String destinationId,
        @NotNull PassType type,
        @Size(max = 36) String studentId,
        @Size(max = 64) String studentNumber,
        Instant startsAt,
        @Size(max = 500) String note) {
}
