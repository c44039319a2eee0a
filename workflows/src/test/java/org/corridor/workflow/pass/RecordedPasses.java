package org.corridor.workflow.pass;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the service's pass table: remembers each state change the process asked for. */
final class RecordedPasses implements PassRecords, PolicyCheck {
    final List<String> changes = new ArrayList<>();
    boolean blocking;

    @Override
    public boolean blocks(String passId) {
        changes.add("evaluate " + passId);
        return blocking;
    }

    @Override
    public void route(String passId) {
        changes.add("route " + passId);
    }

    @Override
    public void activate(String passId) {
        changes.add("activate " + passId);
    }

    @Override
    public void deny(String passId) {
        changes.add("deny " + passId);
    }

    @Override
    public void cancel(String passId) {
        changes.add("cancel " + passId);
    }

    @Override
    public void complete(String passId) {
        changes.add("complete " + passId);
    }
}
