package org.corridor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Browser sessions are kept in Corridor's database by Spring Session JDBC (Spring Boot's
 * auto-configuration, tables by Flyway V26), so every instance reads every sign-in.
 * <p>
 * A session's attributes are stored as serialized Java objects (the signed-in person, a
 * provider's sign-in in progress). One written by an older Corridor may no longer be
 * readable by a newer one (a library's class changed between versions): Spring Session
 * would then answer every request of that browser with a 500 until the session expired.
 * Here such an attribute reads as absent instead, so the browser is simply signed out and
 * signs in again.
 */
@Configuration
class SharedSessions {

    private static final Logger log = LoggerFactory.getLogger(SharedSessions.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableAttributesAreSignedOut() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class,
                new ForgivingDeserializer(new DeserializingConverter(SharedSessions.class.getClassLoader())));
        return repository -> repository.setConversionService(conversions);
    }

    /** Reads a stored attribute, or nothing when it can no longer be read. */
    static final class ForgivingDeserializer implements Converter<byte[], Object> {

        private final Converter<byte[], Object> deserializer;

        ForgivingDeserializer(Converter<byte[], Object> deserializer) {
            this.deserializer = deserializer;
        }

        @Override
        public Object convert(byte[] stored) {
            try {
                return deserializer.convert(stored);
            }
            catch (SerializationFailedException unreadable) {
                log.info("A session attribute written by another version could not be read ({}); "
                        + "the browser signs in again", unreadable.getMostSpecificCause().toString());
                return null;
            }
        }

    }

}
