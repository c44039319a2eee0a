package org.corridor.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain corridor(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/*.css", "/*.js", "/favicon.ico", "/error",
                                "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/login")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems.unauthenticated(), new AntPathRequestMatcher("/api/**"))
                        .accessDeniedHandler(problems.denied()))
                // Browser sessions need the CSRF token. A call without a session cookie carries no ambient
                // authority to forge: either it sends its own credentials (HTTP Basic, later a bearer
                // token) or it is unauthenticated and gets a 401.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || request.getRequestedSessionId() == null));
        return http.build();
    }
}
