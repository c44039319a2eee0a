package org.corridor.pass;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Something the caller may do to a pass now, named as the last segment of its call
 * ({@code POST /api/passes/{id}/check-in}), so a screen offers exactly the buttons the
 * server would accept.
 */
public enum PassAction {

    APPROVE("approve"), DENY("deny"), CANCEL("cancel"), CHECK_IN("check-in"), END("end");

    private final String path;

    PassAction(String path) {
        this.path = path;
    }

    @JsonValue
    public String path() {
        return path;
    }

}
