package org.corridor.pass;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;

import org.corridor.problem.ApiProblem;

/**
 * The facts moved since the teacher looked: approval waits until they have seen the new
 * flags.
 */
class FlagsChanged extends ApiProblem {

    FlagsChanged(Pass pass, Set<String> unseen) {
        super(HttpStatus.CONFLICT, "flags-changed", "Flags changed", "New flags since you looked: "
                + String.join(", ", new TreeSet<>(unseen)) + ". Review them and approve again to override.");
        with("passId", pass.getId());
        with("flags", pass.getFlags().stream().map(FlagView::of).toList());
    }

}
