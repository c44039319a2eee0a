package org.corridor.notification;

/**
 * The data of a stream's {@code pass} event: which pass changed and how
 * ({@code delivered}, {@code seen}).
 */
public record PassSignal(String passId, String change) {
}
