package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path REPO = Path.of("/repo").toAbsolutePath();

    @Test
    void defaultsToTheLocalFolderOfTheRepository() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), REPO);

        assertThat(options.home()).isEqualTo(REPO.resolve(".local"));
        assertThat(options.clean()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.kafkaDataDir()).isEqualTo(REPO.resolve(".local/data/kafka"));
        assertThat(options.mongoDataFile()).isEqualTo(REPO.resolve(".local/data/mongo/platform.bson.mv"));
        assertThat(options.logsDir()).isEqualTo(REPO.resolve(".local/logs"));
        assertThat(options.jit()).isEqualTo(Jit.C1);
        assertThat(options.intakeNice()).isEqualTo(10);
        assertThat(options.serviceInstances()).extracting(ServiceInstance::name, ServiceInstance::port)
                .containsExactly(tuple("intake-service", 8081), tuple("dispatch-service", 8082),
                        tuple("callback-service", 8083), tuple("claims-service", 8084),
                        tuple("survey-service", 8085));
    }

    @Test
    void runsExtraInstancesOnTheirOwnPorts() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--instances", "dispatch-service=3,intake-service=2", "--jit=c2"}, Map.of(), REPO);

        assertThat(options.jit()).isEqualTo(Jit.C2);
        assertThat(options.serviceInstances()).extracting(ServiceInstance::name, ServiceInstance::port)
                .containsExactly(tuple("intake-service", 8081), tuple("intake-service-2", 18081),
                        tuple("dispatch-service", 8082), tuple("dispatch-service-2", 18082),
                        tuple("dispatch-service-3", 28082), tuple("callback-service", 8083),
                        tuple("claims-service", 8084), tuple("survey-service", 8085));
        assertThat(LauncherOptions.parse(new String[] {"--instances=intake-service=2"}, Map.of(), REPO)
                .serviceInstances()).hasSize(6);
    }

    @Test
    void c2DropsTheC1OnlyFlagAndGivesMoreHeap() {
        assertThat(Jit.C1.jvmOptions()).contains("-XX:TieredStopAtLevel=1", "-Xmx256m");
        assertThat(Jit.C2.jvmOptions()).doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmn96m", "-Xmx384m");
    }

    @Test
    void rejectsBadInstancesAndJit() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "billing-service=2"))
                .withMessageStartingWith("Unknown service: billing-service");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "intake-service=5"))
                .withMessage("--instances: intake-service can run 1 to 4 instances, not 5");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "intake-service"))
                .withMessageStartingWith("--instances wants service=count");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances", "intake-service=2,intake-service=3"))
                .withMessage("--instances names intake-service twice");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--instances"))
                .withMessage("--instances needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--jit", "graal"))
                .withMessage("Unknown --jit: graal (c1 or c2)");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--intake-nice", "20"))
                .withMessage("--intake-nice wants 0 (as the others) to 19 (yields the most), not: 20");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--intake-nice", "low"))
                .withMessageStartingWith("--intake-nice wants 0");
    }

    @Test
    void intakeRunsAsTheOthersWithNiceZero() {
        assertThat(parse("--intake-nice", "0").intakeNice()).isZero();
        assertThat(parse("--intake-nice=15").intakeNice()).isEqualTo(15);
    }

    private static LauncherOptions parse(String... args) {
        return LauncherOptions.parse(args, Map.of(), REPO);
    }

    @Test
    void takesTheHomeFromTheEnvironmentRelativeToTheRepository() {
        assertThat(LauncherOptions.parse(new String[0], Map.of("LOCAL_PLATFORM_HOME", "run/a"), REPO).home())
                .isEqualTo(REPO.resolve("run/a"));
        Path elsewhere = Path.of("/elsewhere/platform").toAbsolutePath();
        assertThat(LauncherOptions.parse(new String[0], Map.of("LOCAL_PLATFORM_HOME", elsewhere.toString()), REPO)
                .home()).isEqualTo(elsewhere);
    }

    @Test
    void readsTheFlags() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--clean", "--help"}, Map.of(), REPO);

        assertThat(options.clean()).isTrue();
        assertThat(options.help()).isTrue();
        assertThat(LauncherOptions.usage()).contains("--clean", "--instances", "18081", "--jit", "--intake-nice",
                "LOCAL_PLATFORM_HOME",
                "launcher.log", "Ctrl-C");
    }

    @Test
    void rejectsUnknownFlags() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--fresh"}, Map.of(), REPO))
                .withMessage("Unknown option: --fresh");
    }
}
