package org.corridor.person;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;

import org.corridor.persistence.Identified;

/** Anyone with an account in a district: students, teachers, administrators, auditors. */
@Entity
public class Person extends Identified {

    private String districtId;

    private String schoolId;

    private String email;

    /**
     * The email in lower case, written with it: sign-in looks it up by equality, on an
     * index.
     */
    private String emailKey;

    private String givenName;

    private String familyName;

    private String displayName;

    private String studentNumber;

    private String sourceId;

    private Instant removedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Person() {
    }

    private Person(String id, Long version) {
        super(id, version);
    }

    /**
     * A person as {@link Accounts} read them, without Hibernate: every column of the
     * entity, and the roles.
     */
    static Person asStored(String id, Long version, String districtId, String schoolId, String email, String emailKey,
            String givenName, String familyName, String displayName, String studentNumber, String sourceId,
            Instant removedAt, Set<Role> roles) {
        Person person = new Person(id, version);
        person.districtId = districtId;
        person.schoolId = schoolId;
        person.email = email;
        person.emailKey = emailKey;
        person.givenName = givenName;
        person.familyName = familyName;
        person.displayName = displayName;
        person.studentNumber = studentNumber;
        person.sourceId = sourceId;
        person.removedAt = removedAt;
        person.roles.addAll(roles);
        return person;
    }

    public Person(String districtId, String schoolId, String email, String givenName, String familyName, Role role) {
        this.districtId = districtId;
        this.schoolId = schoolId;
        this.email = email;
        this.emailKey = emailKey(email);
        this.givenName = givenName;
        this.familyName = familyName;
        this.roles.add(role);
    }

    /**
     * What an email is looked up by, whatever its case: the form of {@code email_key}
     * that every writer of an email (this entity, the roster import) stores beside it,
     * and every lookup asks for.
     */
    public static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    public Person withDisplayName(String displayName) {
        this.displayName = displayName;
        return this;
    }

    public Person withStudentNumber(String studentNumber) {
        this.studentNumber = studentNumber;
        return this;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    /** Null for a student rostered without one: they use kiosks, and cannot sign in. */
    public String getEmail() {
        return email;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getStudentNumber() {
        return studentNumber;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    /**
     * The OneRoster sourcedId of an imported person; null for people made in Corridor.
     */
    public String getSourceId() {
        return sourceId;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    /**
     * Removed from the roster: cannot sign in or be routed; their passes and history
     * stay.
     */
    public boolean isRemoved() {
        return removedAt != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * How the school addresses this person: "Ms Rivera" for staff who set one, otherwise
     * the full name.
     */
    public String getName() {
        return displayName != null ? displayName : givenName + " " + familyName;
    }

}
