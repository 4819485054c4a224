package com.mallservicedesk.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformProcessesTest {

    @Test
    void theServiceJarsTheBrokerAndTheMongoServerAreNamed() {
        assertThat(PlatformProcesses.name(List.of("/opt/jdk/bin/java", "-Xmx256m", "-jar",
                "/repo/intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar"))).contains("intake");
        assertThat(PlatformProcesses.name(List.of("java", "-jar", "survey-service-0.1.0-SNAPSHOT-exec.jar")))
                .contains("survey");
        assertThat(PlatformProcesses.name(List.of("java", "-cp", "a.jar:b.jar", "kafka.Kafka", "server.properties")))
                .contains(PlatformProcess.KAFKA);
        assertThat(PlatformProcesses.name(List.of("java", "-cp", "x.jar",
                "com.mallservicedesk.localplatform.MongoServerMain", "127.0.0.1", "27017", "data.mv")))
                .contains(PlatformProcess.STORE);
    }

    @Test
    void theLauncherOtherJavaProgramsAndNonJavaProcessesAreNot() {
        assertThat(PlatformProcesses.name(List.of("java", "-cp", "kafka_2.13.jar:mongo-java-server.jar",
                PlatformProcesses.LAUNCHER_MAIN))).isEmpty();
        assertThat(PlatformProcesses.name(List.of("java", "-jar", "intake-service-0.1.0-SNAPSHOT.jar"))).isEmpty();
        assertThat(PlatformProcesses.name(List.of("java", "-cp", "x", "kafka.tools.StorageTool", "format"))).isEmpty();
        assertThat(PlatformProcesses.name(List.of("tail", "-f", "kafka.Kafka"))).isEmpty();
        assertThat(PlatformProcesses.name(List.of())).isEmpty();
    }
}
