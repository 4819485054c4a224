package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.test.PlatformServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One shared context for the callback-service tests. */
@PlatformServiceTest
abstract class CallbackIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    CallbackRepository callbacks;
}
