package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.corridor.notification.EventStream;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A request pops up on the teacher's open screen while the same teacher's Requests tab
 * lists it: both want to record its delivery. Exactly one does, and neither answers with
 * an error.
 */
@OnMariaDb
class DeliveryRaceTest extends ApiTest {

    private static final String[] STUDENTS = { "cara", "dan", "eli", "fay", "gus", "hana", "ivan", "jade" };

    @LocalServerPort
    int port;

    @Test
    void popupAndRequestsTabRecordEachDeliveryOnceWithoutErrors() throws Exception {
        List<Integer> tabStatuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ExecutorService tab = Executors.newSingleThreadExecutor();
        try (EventStream stream = EventStream.open(port, "rivera", null)) {
            for (String student : STUDENTS) {
                ids.add(request(student, "Nurse").getBody().get("id").asText());
                Future<Integer> listing = tab.submit(() -> get("rivera", "/api/requests").getStatusCode().value());
                assertThat(stream.next("notification")).isNotNull();
                tabStatuses.add(listing.get());
            }
        }
        finally {
            tab.shutdownNow();
        }

        assertThat(tabStatuses).containsOnly(200);
        for (String id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from pass_event where pass_id = ? and kind = 'DELIVERED'",
                    Integer.class, id))
                .as("DELIVERED events of %s", id)
                .isEqualTo(1);
        }
    }

}
