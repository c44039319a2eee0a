package org.corridor.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Scheduling for the stream heartbeat and the retention delete; and the hook that starts
 * a new notification stream only after Spring MVC has initialised its emitter. Before
 * that, an emitter buffers what it is sent, and a buffered event is not a delivery.
 */
@Configuration
@EnableScheduling
class NotificationConfiguration implements WebMvcConfigurer {

    private final NotificationStreams streams;

    NotificationConfiguration(NotificationStreams streams) {
        this.streams = streams;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsyncHandlerInterceptor() {
            @Override
            public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
                    Object handler) {
                if (request
                    .getAttribute(NotificationController.NEW_STREAM) instanceof NotificationStreams.Stream stream) {
                    request.removeAttribute(NotificationController.NEW_STREAM);
                    streams.start(stream);
                }
            }
        }).addPathPatterns("/api/notifications/stream");
    }

}
