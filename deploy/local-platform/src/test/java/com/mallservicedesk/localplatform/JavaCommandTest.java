package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
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

        assertThat(java.mainClass(List.of("-Xmx1m"), "a.Main", "x")).containsExactly(
                Path.of("/jdk/bin/java").toString(), "-Xmx1m", "-cp", "cp", "a.Main", "x");
        assertThat(java.jar(List.of("-Xmx1m"), Path.of("s.jar"))).containsExactly(
                Path.of("/jdk/bin/java").toString(), "-Xmx1m", "-jar", "s.jar");
    }
}
