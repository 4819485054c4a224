package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The MongoDB-wire server (mongo-java-server with its H2 file backend) as a child process. */
final class MongoProcess {

    static final String NAME = "mongodb";

    /**
     * The full JIT (C2), unlike the services: the server is up in a second either way, and committing every write
     * spends its time serialising pages, which C2 runs about twice as fast as C1. A large young generation: every
     * write copies pages and documents, so the server allocates fast and keeps little; with the default split (85 MB
     * of 256 MB) it collected several times a second under load and spent about a quarter of its CPU doing it.
     * Netty's check that a buffer has not been released, made on every value the BSON codec reads or writes, was an
     * eighth of the server's CPU in a profile. It only turns a use after release into an exception, and the server
     * has none (the services' test suites run it in-process with the check on), so it is off here. Bounds are still
     * checked. The old generation may grow to 512 MB although the server keeps about 50–90 MB alive: with 192 MB it
     * ran out of heap at about 106,000 stored requests (a 3 GB file), in clients' queries that read a whole collection
     * and in the file's compaction, which stopped the server (the launcher restarted it in 10 s). The largest such
     * query, housekeeping's hourly scan of processed events, now goes by key.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-Xmn256m", "-XX:+UseSerialGC",
            "-Dio.netty.buffer.checkAccessible=false", "-Djava.awt.headless=true",
            "-Dlog4j2.configurationFile=local-platform-log4j2.xml");

    private final JavaCommand java;
    private final String host;
    private final int port;
    private final Path dataFile;
    private final Path logFile;

    MongoProcess(JavaCommand java, String host, int port, Path dataFile, Path logFile) {
        this.java = java;
        this.host = host;
        this.port = port;
        this.dataFile = dataFile;
        this.logFile = logFile;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String uri() {
        return "mongodb://" + host + ":" + port;
    }

    ChildProcess start() throws IOException {
        return start(false);
    }

    /** {@code appendToLog} keeps the log of an earlier run, as after a crash. */
    ChildProcess start(boolean appendToLog) throws IOException {
        Path dataDir = Files.createDirectories(dataFile.toAbsolutePath().getParent());
        return ChildProcess.start(NAME, java.mainClass(JVM_OPTIONS, MongoServerMain.class.getName(), host,
                Integer.toString(port), dataFile.toAbsolutePath().toString()), Map.of(), dataDir, logFile,
                appendToLog);
    }
}
