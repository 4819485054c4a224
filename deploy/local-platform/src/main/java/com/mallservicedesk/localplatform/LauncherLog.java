package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the launcher tells the person at the console, also kept with a time stamp in {@code <home>/logs/launcher.log}:
 * crashes and restarts stay on record after the terminal has scrolled away.
 */
final class LauncherLog {

    static final String FILE_NAME = "launcher.log";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PrintStream out;
    private final PrintStream err;
    private Path file;

    LauncherLog(PrintStream out, PrintStream err, Path file) {
        this.out = out;
        this.err = err;
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized void say(String text) {
        out.println(text);
        out.flush();
        append(text);
    }

    synchronized void error(String text) {
        err.print(text);
        err.flush();
        append(text);
    }

    private void append(String text) {
        if (file == null) {
            return;
        }
        String stamp = OffsetDateTime.now().format(STAMP);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (String line : text.strip().split("\\R")) {
                    if (!line.isBlank()) {
                        writer.write(stamp + " " + line + System.lineSeparator());
                    }
                }
            }
        } catch (IOException e) {
            // The console still has it; one warning, then no more attempts.
            err.println("Cannot write " + file + " (" + e + "); the launcher logs to the console only");
            file = null;
        }
    }
}
