package org.corridor.pass;

public enum PassChannel {

    DEVICE, KIOSK, STAFF

}
