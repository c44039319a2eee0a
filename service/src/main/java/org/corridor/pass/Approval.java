package org.corridor.pass;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The body of an approval. {@code acknowledgedFlags} lists the flag codes the teacher had
 * in view; when absent, the flags stored with the request are taken as seen.
 */
public record Approval(@Size(max = 50) List<@Size(max = 64) String> acknowledgedFlags) {
}
