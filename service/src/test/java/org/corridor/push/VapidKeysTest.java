package org.corridor.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The VAPID settings as an operator gives them: a pair made with the OpenSSL recipe of
 * docs/operators.md is read, and what cannot work stops the start with the reason.
 */
class VapidKeysTest {

    /** Made with the recipe in docs/operators.md ("Browser push"). */
    private static final String PUBLIC_KEY = "BH3A121vt06BR-7m3RjUIlrOjv_5YHtidVaC6m6GkxY13TqoHO-H4w7HYAqdwVmP3UHWa_AQrGlYaGWYejTmf98";

    private static final String PRIVATE_KEY = "hHoHshc7Om3cXtJ2XzYGFtwMHdUap6Be3p9P09LypkI";

    /** The private key of another pair made the same way. */
    private static final String ANOTHER_PRIVATE_KEY = "p4F9wWy7me8TrYeaNoAxUzUytol91U8hyuYrNhGrvQ8";

    private static VapidKeys keys(String publicKey, String privateKey, String subject) {
        return new VapidKeys(null, null, Clock.systemUTC(), new MockEnvironment(), publicKey, privateKey, subject);
    }

    @Test
    void pairFromTheOperatorsRecipeSignsPushes() {
        VapidKeys keys = keys(PUBLIC_KEY, PRIVATE_KEY, "mailto:ops@example.org");

        assertThat(keys.enabled()).isTrue();
        assertThat(keys.keys()).hasValueSatisfying(k -> {
            assertThat(k.publicKey()).isEqualTo(PUBLIC_KEY);
            assertThat(VapidKeys.encode(k.pair().getPrivate())).isEqualTo(PRIVATE_KEY);
            assertThat(k.subject()).isEqualTo("mailto:ops@example.org");
        });
    }

    @Test
    void withoutKeysOutsideTheDemoPushIsOff() {
        VapidKeys keys = keys("", "", "");

        assertThat(keys.enabled()).isFalse();
        assertThat(keys.keys()).isEmpty();
    }

    @Test
    void oneKeyAloneStopsTheStart() {
        assertThatThrownBy(() -> keys(PUBLIC_KEY, "", "mailto:ops@example.org"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("needs both");
    }

    @Test
    void keysWithoutASubjectStopTheStart() {
        assertThatThrownBy(() -> keys(PUBLIC_KEY, PRIVATE_KEY, "")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("CORRIDOR_PUSH_SUBJECT");
    }

    @Test
    void keysOfTwoPairsStopTheStart() {
        assertThatThrownBy(() -> keys(PUBLIC_KEY, ANOTHER_PRIVATE_KEY, "mailto:ops@example.org"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not one pair");
    }

}
