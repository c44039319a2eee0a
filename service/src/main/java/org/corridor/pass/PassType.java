package org.corridor.pass;

public enum PassType {

    REGULAR, AUTO, PROXY, APPOINTMENT

}
