package org.corridor.location;

import java.util.List;

/**
 * The destinations a school made by a roster import starts with, so that its students can
 * take a pass on the first day: all open, none for auto passes, no teacher checking
 * students in. Administrators change them afterwards like any other destination. Schools
 * that already exist are never given them.
 */
public final class StarterDestinations {

    /** One starter destination; capacity 0 means no limit. */
    public record Starter(String name, int capacity) {
    }

    public static final List<Starter> SET = List.of(new Starter("Restroom", 2), new Starter("Nurse", 0),
            new Starter("Library", 0), new Starter("Main Office", 0));

    private StarterDestinations() {
    }

    /** "Restroom (2 at a time), Nurse (no limit), ..." for a person to read. */
    public static String described() {
        return String.join(", ",
                SET.stream()
                    .map(s -> s.name() + " (" + (s.capacity() == 0 ? "no limit" : s.capacity() + " at a time") + ")")
                    .toList());
    }

}
