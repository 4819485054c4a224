package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Main class of the MongoDB-wire server child process, with an H2 file so data survives restarts. The library's
 * own {@code H2MongoServer} main always binds localhost:27017; this one takes the address and file, so tests can use
 * free ports and temporary directories.
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: MongoServerMain <host> <port> <data file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());

        MongoServer server = new MongoServer(new H2Backend(dataFile.toString()));
        // SIGTERM from the launcher: close client connections and the H2 store so the file is consistent.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-server-shutdown"));
        server.bind(host, port);
        System.out.println("MongoDB-wire server listening on mongodb://" + host + ":" + port + " with data in "
                + dataFile);
        new CountDownLatch(1).await();
    }
}
