package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service started at a lowered priority really runs at it: the kernel's own figure for the process. */
class NiceCommandTest {

    @TempDir
    Path dir;

    @Test
    void aChildStartedAtNiceTenRunsAtNiceTenUnderItsOwnPid() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "reads the process's priority from /proc, which only Linux has");
        List<String> java = TestProcesses.testJava().mainClass(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"), StandInChild.class.getName());
        ChildProcess child = ChildProcess.start("stand-in", ServiceLauncher.atNice(10, java), Map.of(), dir,
                dir.resolve("stand-in.log"), false);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("stand-in.log"))
                    .contains("stand-in child running"));
            assertThat(niceOf(child.pid())).isEqualTo(10);
        } finally {
            child.stop(Duration.ofSeconds(10));
        }
        assertThat(ServiceLauncher.atNice(0, java)).isSameAs(java);
    }

    /** Field 19 of /proc/<pid>/stat, counted after the command name (which may hold spaces) in parentheses. */
    private static int niceOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(afterName[16]);
    }
}
