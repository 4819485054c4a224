package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherLogTest {

    @TempDir
    Path dir;

    @Test
    void tellsTheConsoleAndKeepsEachLineWithATimeStamp() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = dir.resolve("logs/launcher.log");
        LauncherLog log = new LauncherLog(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), file);

        log.say("kafka exited with code 137; restarting in 1 s");
        log.error("\nLOCAL PLATFORM FAILED: boom\n");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("kafka exited with code 137; restarting in 1 s"
                + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\nLOCAL PLATFORM FAILED: boom\n");
        assertThat(Files.readAllLines(file)).satisfiesExactly(
                line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ kafka exited .*"),
                line -> assertThat(line).endsWith(" LOCAL PLATFORM FAILED: boom"));
    }
}
