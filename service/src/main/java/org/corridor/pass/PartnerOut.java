package org.corridor.pass;

/**
 * A no-contact partner of a student who is out now: who (the name parts of their person)
 * and where to.
 */
public record PartnerOut(String studentId, String displayName, String givenName, String familyName,
        String destination) {

    /** The name staff see, as {@code Person.getName()} gives it. */
    public String name() {
        return displayName != null ? displayName : givenName + " " + familyName;
    }
}
