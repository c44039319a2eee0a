package org.corridor.roster;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the import found: in which file, at which row (the header is row 1; null for
 * the file or the set as a whole) and column (null for the whole row), and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RosterProblem(String file, Integer row, String column, String reason) {

    static RosterProblem of(String file, String reason) {
        return new RosterProblem(file, null, null, reason);
    }
}
