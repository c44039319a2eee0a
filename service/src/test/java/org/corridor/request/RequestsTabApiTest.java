package org.corridor.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;

/**
 * The teacher's Requests tab: listing a request is its delivery, and the list shows it
 * delivered as it was stored.
 */
class RequestsTabApiTest extends ApiTest {

    @Test
    void listedRequestShowsTheDeliveryItsListingStored() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        JsonNode listed = listed(get("rivera", "/api/requests").getBody(), id);

        JsonNode stored = get("ava", "/api/passes/" + id).getBody();
        assertThat(stored.get("deliveredAt").isNull()).isFalse();
        assertThat(listed.get("deliveredAt")).isEqualTo(stored.get("deliveredAt"));
    }

    private static JsonNode listed(JsonNode requests, String id) {
        return StreamSupport.stream(requests.spliterator(), false)
            .filter(request -> request.get("id").asText().equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("request " + id + " not listed: " + requests));
    }

}
