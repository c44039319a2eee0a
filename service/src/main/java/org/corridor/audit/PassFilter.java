package org.corridor.audit;

import java.time.Instant;

import org.corridor.pass.PassChannel;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;

/**
 * What an auditor searches passes by, checked and turned into instants. Every field is
 * optional; {@code from} is inclusive and {@code to} exclusive (a date as {@code to}
 * means through the end of that day).
 */
public record PassFilter(String studentId, String studentNumber, String teacherId, String destinationId,
        String schoolId, PassState state, PassType type, PassChannel channel, String flag, String ruleSetVersion,
        Instant from, Instant to, boolean newestFirst) {
}
