package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void makesClasspathEntriesAbsoluteBecauseChildrenRunElsewhere() {
        String classpath = String.join(File.pathSeparator, "target/classes", "lib/a.jar");

        assertThat(JavaCommand.absolute(classpath).split(File.pathSeparator)).containsExactly(
                Path.of("target/classes").toAbsolutePath().toString(),
                Path.of("lib/a.jar").toAbsolutePath().toString());
    }

    @Test
    void buildsMainClassAndJarCommandLines() {
        JavaCommand java = new JavaCommand(Path.of("/jdk/bin/java"), "cp");

        List<String> jvm = new ArrayList<>(List.of(Path.of("/jdk/bin/java").toString()));
        jvm.addAll(JavaCommand.EVERY_JVM);
        jvm.add("-Xmx1m");

        assertThat(java.mainClass(List.of("-Xmx1m"), "a.Main", "x")).containsExactlyElementsOf(
                concat(jvm, "-cp", "cp", "a.Main", "x"));
        assertThat(java.jar(List.of("-Xmx1m"), Path.of("s.jar"))).containsExactlyElementsOf(
                concat(jvm, "-jar", "s.jar"));
    }

    @Test
    void theJdkTrimsTheNativeHeapOfEveryChildJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(JavaCommand.ofCurrentJvm().javaExecutable().toString()));
        command.addAll(JavaCommand.EVERY_JVM);
        command.addAll(List.of("-Xlog:trimnative", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
        assertThat(output).contains("Periodic native trim enabled (interval: 10000 ms)");
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }
}
