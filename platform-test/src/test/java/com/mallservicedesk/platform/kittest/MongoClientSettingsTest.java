package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.connection.AsyncTransportSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/** The settings every service's MongoDB client is built with, as Spring Boot applies the customizers in order. */
class MongoClientSettingsTest extends KitIntegrationTest {

    @Autowired
    ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers;

    @Test
    @DisplayName("the driver's own asynchronous transport, though Boot picks Netty first; majority journaled writes")
    void asyncTransportAndMajorityJournaledWrites() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        MongoClientSettings settings = builder.build();

        assertThat(settings.getTransportSettings()).isInstanceOf(AsyncTransportSettings.class);
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }
}
