package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
        assertThat(options.mongoDataFile()).isEqualTo(REPO.resolve(".local/data/mongo/platform.mv"));
        assertThat(options.logsDir()).isEqualTo(REPO.resolve(".local/logs"));
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
        assertThat(LauncherOptions.usage()).contains("--clean", "LOCAL_PLATFORM_HOME", "Ctrl-C");
    }

    @Test
    void rejectsUnknownFlags() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--fresh"}, Map.of(), REPO))
                .withMessage("Unknown option: --fresh");
    }
}
