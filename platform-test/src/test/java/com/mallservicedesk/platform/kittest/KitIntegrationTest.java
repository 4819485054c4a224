package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One shared context for all kit tests. */
@PlatformServiceTest
abstract class KitIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ParcelReceipts receipts;

    @Autowired
    SwitchablePublisher publisher;

    WebTestClient.ResponseSpec registerParcel(String mallId, String label) {
        return web.post().uri("/api/v1/malls/{mallId}/parcels", mallId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mallId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", label, "sender", "测试"))
                .exchange();
    }

    String registeredParcelId(String mallId, String label) {
        return registerParcel(mallId, label).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    Parcel parcel(String id) {
        return mongo.findById(id, Parcel.class).block();
    }
}
