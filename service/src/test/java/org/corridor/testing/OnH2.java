package org.corridor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/** Runs a Spring test on the embedded H2 database a first run uses (in memory here). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:corridor-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=h2Tests" })
public @interface OnH2 {

}
