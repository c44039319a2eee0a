package org.corridor.audit;

import java.time.Instant;
import java.util.List;

import org.corridor.pass.PassView;

/**
 * One recorded read: who read which student's passes, what, when, through which endpoint.
 */
record ReadRow(Instant readAt, PassView.Ref reader, PassView.Ref student, String passId, String what, String endpoint) {

    record Page(long total, int page, int size, List<ReadRow> reads) {
    }
}
