package com.mallservicedesk.dispatch;

import com.mallservicedesk.platform.test.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The published OpenAPI document is the committed docs/openapi/dispatch-service.json and describes exactly the controllers'
 * mappings. After an intended API change: rerun with -Dopenapi.write=true and commit the rewritten document.
 */
class ApiDocumentTest extends DispatchIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theCommittedDocumentIsWhatTheServicePublishesAndCoversEveryMapping() {
        ApiDocumentCheck.verify(web, context, "dispatch-service");
    }

    @Test
    void theBrowsableUiIsServedOnlyWithTheLocalProfile() {
        ApiDocumentCheck.assertUiIsOff(web);
    }
}
