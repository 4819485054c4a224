package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One of the platform's Spring Boot services, run from its executable jar as a child process. */
record ServiceProcess(String name, int port) {

    static final List<ServiceProcess> ALL = List.of(
            new ServiceProcess("intake-service", 8081),
            new ServiceProcess("dispatch-service", 8082),
            new ServiceProcess("callback-service", 8083),
            new ServiceProcess("claims-service", 8084),
            new ServiceProcess("survey-service", 8085));

    /** Small heap and C1 only: five services plus the broker have to fit a laptop; start-up time matters most. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** The jar spring-boot-maven-plugin repackages with the {@code exec} classifier. */
    Path jar(Path repoRoot, String projectVersion) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + projectVersion + "-exec.jar");
    }

    String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    URI healthUri() {
        return URI.create(url() + "/actuator/health");
    }

    ChildProcess start(JavaCommand java, Path jar, String kafkaBootstrapServers, String mongoUri, Path repoRoot,
                       Path logsDir) throws IOException {
        Map<String, String> environment = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "SPRING_MONGODB_URI", mongoUri,
                "SERVER_PORT", Integer.toString(port));
        return ChildProcess.start(name, java.jar(JVM_OPTIONS, jar), environment, repoRoot,
                logsDir.resolve(name + ".log"), false);
    }
}
