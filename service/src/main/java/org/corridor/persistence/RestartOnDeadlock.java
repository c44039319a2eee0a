package org.corridor.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a feature service's method that begins and ends its own transaction (a call from a
 * controller, never one inside another transaction): the whole call is run again if the
 * database chose it as a deadlock victim. {@link DeadlockRestarts} does it, outside the
 * transaction, so each attempt is a new transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RestartOnDeadlock {

}
