package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

    private static Properties load(KafkaServerConfig config) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(config.render()));
        return properties;
    }

    @Test
    void describesACombinedBrokerAndControllerWithASingleVoter() throws IOException {
        Properties properties = load(new KafkaServerConfig("127.0.0.1", 9092, 9093, Path.of("/data/kafka")));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", Path.of("/data/kafka").toAbsolutePath().toString());
    }

    @Test
    void suitsASingleBrokerThatCreatesTopicsOnDemand() throws IOException {
        Properties properties = load(new KafkaServerConfig("127.0.0.1", 19092, 19093, Path.of("k")));

        assertThat(properties)
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void keepsTheLogCleanersKeyMapSmallSoTheBrokerHeapStaysSmall() throws IOException {
        Properties properties = load(new KafkaServerConfig("127.0.0.1", 9092, 9093, Path.of("k")));

        assertThat(Long.parseLong(properties.getProperty("log.cleaner.dedupe.buffer.size")))
                .isLessThanOrEqualTo(16L * 1024 * 1024);
    }

    @Test
    void usesTheGivenPorts() throws IOException {
        KafkaServerConfig config = new KafkaServerConfig("127.0.0.1", 19092, 19093, Path.of("k"));

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(load(config)).containsEntry("controller.quorum.voters", "1@127.0.0.1:19093");
    }

    @Test
    void escapesBackslashesOfWindowsPaths() {
        KafkaServerConfig config = new KafkaServerConfig("127.0.0.1", 9092, 9093, Path.of("C:\\data\\kafka"));

        assertThat(config.render()).doesNotContainPattern("[^\\\\]\\\\[^\\\\]");
    }
}
