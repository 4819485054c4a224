package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "no POSIX signals: commands run unwrapped")
    void childrenStartWithInterruptIgnoredAndKeepTheirPid() {
        assertThat(ChildProcess.ignoringInterrupt(List.of("java", "-jar", "a b.jar")))
                .containsExactly("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh", "java", "-jar", "a b.jar");
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "glibc's malloc arenas: Linux only")
    void childrenGetFewMallocArenasUnlessTheyAreGivenTheirOwnSetting(@TempDir Path dir) throws Exception {
        assertThat(environmentOf(dir, "default", Map.of())).contains(ChildProcess.MALLOC_ARENAS + "=2");
        assertThat(environmentOf(dir, "own", Map.of(ChildProcess.MALLOC_ARENAS, "4")))
                .contains(ChildProcess.MALLOC_ARENAS + "=4");
    }

    private static List<String> environmentOf(Path dir, String name, Map<String, String> environment) throws Exception {
        Path log = dir.resolve(name + ".log");
        ChildProcess child = ChildProcess.start(name, List.of("env"), environment, dir, log, false);
        assertThat(child.waitForExit(Duration.ofSeconds(10))).as("env has ended").isTrue();
        return Files.readAllLines(log);
    }
}
