package org.corridor.pass;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The body of an approval. {@code acknowledgedFlags} lists the flag codes the teacher had
 * in view; when absent, the flags stored with the request are taken as seen.
 */
public record Approval(@Size(max = 50) List<@Size(max = 64) String> acknowledgedFlags,
        /**
         * True: the student goes when a place frees at the destination (the pass is
         * WAITING until then); where a place is free now, this is a normal approval.
         */
        Boolean waitForPlace) {

    boolean waits() {
        return Boolean.TRUE.equals(waitForPlace);
    }

}
