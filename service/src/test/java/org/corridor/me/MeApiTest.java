package org.corridor.me;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/** Who am I: the screens draw their bar and their clocks from it. */
@OnH2
class MeApiTest extends ApiTest {

    @Test
    void aPersonOfASchoolIsToldTheSchoolsTimeZone() {
        var me = get("rivera", "/api/me");

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("timeZone").asText()).isEqualTo("America/New_York");
    }

}
