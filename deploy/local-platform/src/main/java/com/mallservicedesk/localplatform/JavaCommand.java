package com.mallservicedesk.localplatform;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Command lines for child JVMs: the same Java as the launcher and, for the broker and the Mongo server, the
 * launcher's own classpath (the module's runtime dependencies hold both).
 */
record JavaCommand(Path javaExecutable, String classpath) {

    /**
     * Options of every child JVM, before its own. The JVM hands the memory it frees back to the operating system every
     * ten seconds: what the JIT compiler and the libraries allocate outside the heap and free again otherwise stays
     * with the process. On a loaded platform a trim took 25–40 MB off each of seven JVMs, about 0.2 GiB in all, and
     * takes a few milliseconds. A JDK without the option (before 17.0.9) ignores it.
     */
    static final List<String> EVERY_JVM = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=10000");

    /**
     * The Java running this JVM, with this JVM's classpath made absolute: children run in other working
     * directories.
     */
    static JavaCommand ofCurrentJvm() {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                absolute(System.getProperty("java.class.path")));
    }

    static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    List<String> mainClass(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(EVERY_JVM);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    List<String> jar(List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(EVERY_JVM);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
