package com.mallservicedesk.callback;

import com.mallservicedesk.platform.test.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The published OpenAPI document is the committed docs/openapi/callback-service.json and describes exactly the controllers'
 * mappings. After an intended API change: rerun with -Dopenapi.write=true and commit the rewritten document.
 */
class ApiDocumentTest extends CallbackIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theCommittedDocumentIsWhatTheServicePublishesAndCoversEveryMapping() {
        ApiDocumentCheck.verify(web, context, "callback-service");
    }

    @Test
    void theBrowsableUiIsServedOnlyWithTheLocalProfile() {
        ApiDocumentCheck.assertUiIsOff(web);
    }
}
