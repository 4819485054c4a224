package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;

class ChildProcessTest {

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "no POSIX signals: commands run unwrapped")
    void childrenStartWithInterruptIgnoredAndKeepTheirPid() {
        assertThat(ChildProcess.ignoringInterrupt(List.of("java", "-jar", "a b.jar")))
                .containsExactly("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh", "java", "-jar", "a b.jar");
    }
}
