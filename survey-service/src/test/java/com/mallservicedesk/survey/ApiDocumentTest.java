package com.mallservicedesk.survey;

import com.mallservicedesk.platform.test.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The published OpenAPI document is the committed docs/openapi/survey-service.json and describes exactly the controllers'
 * mappings. After an intended API change: rerun with -Dopenapi.write=true and commit the rewritten document.
 */
class ApiDocumentTest extends SurveyIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theCommittedDocumentIsWhatTheServicePublishesAndCoversEveryMapping() {
        ApiDocumentCheck.verify(web, context, "survey-service");
    }

    @Test
    void theBrowsableUiIsServedOnlyWithTheLocalProfile() {
        ApiDocumentCheck.assertUiIsOff(web);
    }
}
