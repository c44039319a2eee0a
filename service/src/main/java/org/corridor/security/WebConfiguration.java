package org.corridor.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final CallerResolver callers;

    WebConfiguration(CallerResolver callers) {
        this.callers = callers;
    }

    /**
     * The sign-in page is a page of the web front end (admin-ui), at the address Spring
     * Security signs in at.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(SecurityConfiguration.LOGIN).setViewName("forward:/login.html");
        registry.addViewController(SecurityConfiguration.KIOSK_PAGE).setViewName("forward:/kiosk.html");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }

}
