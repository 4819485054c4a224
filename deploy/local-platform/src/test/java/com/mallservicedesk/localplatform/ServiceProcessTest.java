package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void knowsTheFiveServicesWithTheirPorts() {
        assertThat(ServiceProcess.ALL).extracting(ServiceProcess::name, ServiceProcess::port).containsExactly(
                tuple("intake-service", 8081),
                tuple("dispatch-service", 8082),
                tuple("callback-service", 8083),
                tuple("claims-service", 8084),
                tuple("survey-service", 8085));
        assertThat(ServiceProcess.ALL.get(0).healthUri()).hasToString("http://127.0.0.1:8081/actuator/health");
    }

    @Test
    void findsTheExecutableJarOfTheBuiltVersion() {
        String version = LocalPlatform.projectVersion();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(ServiceProcess.ALL.get(0).jar(Path.of("repo"), version))
                .isEqualTo(Path.of("repo/intake-service/target/intake-service-" + version + "-exec.jar"));
    }
}
