package com.mallservicedesk.survey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign samples its own mall's stores: survey's copy of the directory is read as the mall's range of keys
 * ({@code <mall>|<tenant>}), never another mall's, even one whose id begins with this mall's.
 */
class StoresOfAMallTest extends SurveyIntegrationTest {

    @Autowired
    TenantDirectory directory;

    @Test
    void theStoresOfAMallAreItsOwnInTenantIdOrderActiveOrNot() {
        String mall = newMall();
        String longer = mall + "X";
        SurveyEvents here = events(mall);
        here.tenant("C2", "专柜2", "COUNTER", true);
        here.tenant("A1", "百货大店", "ANCHOR_STORE", true);
        here.tenant("C1", "专柜1", "COUNTER", false);
        events(longer).tenant("B1", "别家大店", "ANCHOR_STORE", true);
        events(newMall()).tenant("A0", "又一家", "COUNTER", true);

        await().untilAsserted(() -> assertThat(directory.storesOf(mall).map(DirectoryEntry::tenantId).collectList().block())
                .containsExactly("A1", "C1", "C2"));
        await().untilAsserted(() -> assertThat(directory.storesOf(longer).map(DirectoryEntry::name).collectList().block())
                .containsExactly("别家大店"));
        assertThat(directory.storesOf(mall).filter(DirectoryEntry::active).count().block()).isEqualTo(2);
    }
}
