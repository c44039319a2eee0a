package org.corridor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.query.sqm.internal.QuerySqmImpl;
import org.hibernate.query.sqm.internal.SqmInterpretationsKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.support.Repositories;

import org.corridor.testing.ApiTest;

/**
 * Hibernate 6.6 keeps a query's translation to SQL only when the query can be a key of
 * its plan cache; any other query is translated again on every execution, which the
 * bell-rush profile found costing a tenth of the service's CPU. A query loses its cached
 * plan with a parameter inside a function ({@code upper(:email)}), an {@code in :list}
 * parameter, or an entity graph; and a Spring Data query derived from a method name is a
 * criteria query, which Hibernate 6.6 never caches. Queries that serve a student's or a
 * teacher's calls must keep their plans; the ones named here are administrators' or
 * auditors' and are allowed not to.
 */
class QueryPlanCacheTest extends ApiTest {

    /** Repository method, and why it may be translated on each call. */
    private static final Map<String, String> NOT_CACHED = Map.ofEntries(
            Map.entry("PassRepository.findBySchoolIdAndStateIn", "an emergency's end-all, once"),
            Map.entry("NotificationRepository.undelivered", "a list of kinds: once when a screen opens"),
            Map.entry("ClassRoster.people", "a list of students: once when a class screen opens"),
            Map.entry("ClassBadges.of", "a list of students: a class screen's badges"),
            Map.entry("ClassRoster.enrolments", "a list of sections: once when a class screen opens"),
            Map.entry("LocationRepository.findBySchoolIdAndNameIgnoreCase", "an administrator names a destination"),
            Map.entry("CoverRepository.findBySectionIdOrderByFromDateAsc", "an administrator lists a class's covers"),
            Map.entry("CoverRepository.findByIdAndSectionId", "an administrator ends a cover"),
            Map.entry("CoverageChangeRepository.findByDistrictIdAndSectionIdOrderByChangedAtAsc",
                    "an administrator reads a class's cover history"),
            Map.entry("PassRepository.outTo", "a list of the teacher's destinations: once when Arrivals opens"),
            Map.entry("PassRepository.checkedInAt", "a list of the teacher's destinations: once when Arrivals opens"),
            Map.entry("NotificationRepository.aboutPasses",
                    "a list of passes: an administrator's diagnostics, an auditor's pass record"),
            Map.entry("NotificationRepository.undeliveredBetween",
                    "a list of the people with open streams: the repair, every 5 s per instance, never on a request's path"),
            Map.entry("ChannelRecordRepository.findByNotificationIds",
                    "a list of notifications: an administrator's diagnostics, an auditor's pass record"));

    @Autowired
    private ApplicationContext context;

    @Autowired
    private EntityManager entityManager;

    @Test
    void everyDeclaredQueryOnAStudentsOrTeachersPathKeepsItsTranslation() {
        List<String> uncached = new ArrayList<>();
        Repositories repositories = new Repositories(context);
        for (Class<?> domainType : repositories) {
            Class<?> repository = repositories.getRequiredRepositoryInformation(domainType).getRepositoryInterface();
            for (Method method : repository.getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                String name = repository.getSimpleName() + "." + method.getName();
                if (method.isDefault() || method.isSynthetic() || method.isAnnotationPresent(Modifying.class)
                        || NOT_CACHED.containsKey(name) || (query != null && query.nativeQuery())) {
                    continue;
                }
                if (query == null || method.isAnnotationPresent(EntityGraph.class)) {
                    uncached.add(name + (query == null ? " (derived from its name)" : " (entity graph)"));
                    continue;
                }
                QuerySqmImpl<?> hql = entityManager.createQuery(query.value()).unwrap(QuerySqmImpl.class);
                if (SqmInterpretationsKey.createInterpretationsKey(hql) == null) {
                    uncached.add(name);
                }
            }
        }
        assertThat(uncached).as("queries Hibernate translates again on every call").isEmpty();
    }

}
