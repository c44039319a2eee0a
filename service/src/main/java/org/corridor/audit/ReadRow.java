package org.corridor.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.pass.PassView;

/**
 * One recorded read: who read which student's passes, what, when, through which endpoint.
 * {@code passId} is null for a read of many passes (a search, an export, a history).
 */
record ReadRow(Instant readAt, PassView.Ref reader, PassView.Ref student, @Schema(nullable = true) String passId,
        String what, String endpoint) {

    record Page(long total, int page, int size, List<ReadRow> reads) {
    }
}
