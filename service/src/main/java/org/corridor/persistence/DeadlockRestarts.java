package org.corridor.persistence;

import java.lang.reflect.UndeclaredThrowableException;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one place deadlock victims are restarted: around every {@link RestartOnDeadlock}
 * method. Ordered before the transaction interceptor, so each attempt runs in a
 * transaction of its own, as the database asks.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeadlockRestarts {

    @Around("@annotation(org.corridor.persistence.RestartOnDeadlock)")
    Object restart(ProceedingJoinPoint call) {
        return DeadlockRetry.run(() -> proceed(call));
    }

    private static Object proceed(ProceedingJoinPoint call) {
        try {
            return call.proceed();
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
    }

}
