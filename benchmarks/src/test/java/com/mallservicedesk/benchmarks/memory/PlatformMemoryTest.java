package com.mallservicedesk.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformMemoryTest {

    @Test
    void theServiceJarsTheBrokerAndTheMongoServerCount() {
        assertThat(PlatformMemory.classify(List.of("/opt/jdk/bin/java", "-Xmx256m", "-jar",
                "/repo/intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar")))
                .contains(PlatformMemory.Part.SERVICE);
        assertThat(PlatformMemory.classify(List.of("java", "-cp", "a.jar:b.jar", "kafka.Kafka", "server.properties")))
                .contains(PlatformMemory.Part.KAFKA);
        assertThat(PlatformMemory.classify(List.of("java", "-cp", "x.jar",
                "com.mallservicedesk.localplatform.MongoServerMain", "127.0.0.1", "27017", "data.mv")))
                .contains(PlatformMemory.Part.MONGO);
    }

    @Test
    void theLauncherOtherJavaProgramsAndNonJavaProcessesDoNot() {
        assertThat(PlatformMemory.classify(List.of("java", "-cp", "kafka_2.13.jar:mongo-java-server.jar",
                PlatformMemory.LAUNCHER_MAIN))).isEmpty();
        assertThat(PlatformMemory.classify(List.of("java", "-jar", "intake-service-0.1.0-SNAPSHOT.jar"))).isEmpty();
        assertThat(PlatformMemory.classify(List.of("java", "-cp", "x", "kafka.tools.StorageTool", "format"))).isEmpty();
        assertThat(PlatformMemory.classify(List.of("tail", "-f", "kafka.Kafka"))).isEmpty();
        assertThat(PlatformMemory.classify(List.of())).isEmpty();
    }

    @Test
    void vmRssIsReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  420000 kB\nVmRSS:\t  401234 kB\nThreads:\t42\n";

        assertThat(PlatformMemory.vmRssBytes(status)).isEqualTo(401_234L * 1024);
        assertThat(PlatformMemory.vmRssBytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
    }

    @Test
    void readingsAddUpAndDescribeThemselves() {
        var reading = new MemoryReading(3L << 30, 1L << 29, 1L << 28, 7);

        assertThat(reading.totalBytes()).isEqualTo((3L << 30) + (1L << 29) + (1L << 28));
        assertThat(reading.describe()).isEqualTo(
                "platform RSS 3.75 GiB in 7 processes (services 3.00 GiB, Kafka 0.50 GiB, MongoDB 0.25 GiB)");
        assertThat(MemoryReading.NONE.max(reading)).isSameAs(reading);
    }
}
