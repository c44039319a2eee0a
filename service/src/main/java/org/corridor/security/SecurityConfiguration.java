package org.corridor.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain corridor(HttpSecurity http, ProblemResponses problems, KioskCredentials kiosks)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/*.css", "/*.js", "/favicon.ico", "/error",
                                "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/login")
                        .permitAll()
                        .anyRequest().authenticated())
                // Before logout, form login and HTTP Basic: a kiosk request is decided by its token alone.
                .addFilterBefore(new KioskTokenFilter(kiosks, problems), LogoutFilter.class)
                .formLogin(form -> form.defaultSuccessUrl("/", false).failureHandler(problems.formLoginFailed()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems.unauthenticated(), new AntPathRequestMatcher("/api/**"))
                        .accessDeniedHandler(problems.denied()))
                // Browser sessions need the CSRF token. A call without a session cookie carries no ambient
                // authority to forge: either it sends its own credentials (HTTP Basic, a kiosk token, later a
                // bearer token) or it is unauthenticated and gets a 401. A browser cannot be made to send
                // X-Kiosk-Token cross-site (a custom header needs a CORS preflight, which Corridor does not grant).
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || KioskTokenFilter.carriesToken(request)
                                || request.getRequestedSessionId() == null));
        return http.build();
    }
}
