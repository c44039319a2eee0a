package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;

import org.corridor.testing.ApiTest;

/**
 * Nothing reads Spring Security's observations, so no call pays for wrapping each of its
 * filters in one.
 */
class SecurityObservationsTest extends ApiTest {

    @Autowired
    FilterChainProxy filters;

    @Test
    void noFilterOfACallIsWrappedInAnObservation() {
        assertThat(filters).extracting("filterChainDecorator").isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

}
