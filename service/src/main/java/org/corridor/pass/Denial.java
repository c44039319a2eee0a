package org.corridor.pass;

import jakarta.validation.constraints.Size;

import org.corridor.problem.PlainText;

/** The body of a denial: an optional reason the student will read. */
public record Denial(@Size(max = 500) @PlainText(multiLine = true) String reason) {
}
