package org.corridor.person;

public enum Role {

    STUDENT, TEACHER, ADMIN, AUDITOR, KIOSK

}
