package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlatformServiceTest {

    @Test
    void knowsTheFiveServicesWithTheirPorts() {
        assertThat(PlatformService.ALL).extracting(PlatformService::name, PlatformService::port).containsExactly(
                tuple("intake-service", 8081),
                tuple("dispatch-service", 8082),
                tuple("callback-service", 8083),
                tuple("claims-service", 8084),
                tuple("survey-service", 8085));
    }

    @Test
    void theWebConsoleIsStartedBesideTheServicesOnPort8080() {
        ServiceInstance console = PlatformService.CONSOLE.instance(1);

        assertThat(PlatformService.ALL).doesNotContain(PlatformService.CONSOLE);
        assertThat(console.name()).isEqualTo("web-console");
        assertThat(console.healthUri()).hasToString("http://127.0.0.1:8080/actuator/health");
        assertThat(new ServiceLauncher(Path.of("repo"), "1.0.0", Path.of("logs")).jar(console.service()))
                .isEqualTo(Path.of("repo/web-console/target/web-console-1.0.0-exec.jar").toAbsolutePath());
        assertThat(LauncherOptions.usage()).contains("http://127.0.0.1:8080");
    }

    @Test
    void extraInstancesListenTenThousandPortsApartAndCarryTheirNumber() {
        PlatformService intake = PlatformService.named("intake-service");

        assertThat(intake.instance(1)).isEqualTo(new ServiceInstance("intake-service", 1, 8081));
        assertThat(intake.instance(1).name()).isEqualTo("intake-service");
        assertThat(intake.instance(1).healthUri()).hasToString("http://127.0.0.1:8081/actuator/health");
        assertThat(intake.instance(2).port()).isEqualTo(18081);
        assertThat(intake.instance(2).name()).isEqualTo("intake-service-2");
        assertThat(PlatformService.named("dispatch-service").instance(4).port()).isEqualTo(38082);
        assertThatIllegalArgumentException().isThrownBy(() -> intake.instance(5));
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformService.named("billing-service"))
                .withMessageContaining("intake-service, dispatch-service");
    }

    @Test
    void findsTheExecutableJarOfTheBuiltVersionAndLogsEachInstanceApart() {
        String version = LocalPlatform.projectVersion();
        ServiceLauncher launcher = new ServiceLauncher(Path.of("repo"), version, Path.of("logs"));

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(launcher.jar("intake-service")).isEqualTo(Path.of("repo/intake-service/target/intake-service-"
                + version + "-exec.jar").toAbsolutePath());
        assertThat(launcher.logFile(new ServiceInstance("intake-service", 2, 18081)))
                .isEqualTo(Path.of("logs/intake-service-2.log").toAbsolutePath());
    }
}
