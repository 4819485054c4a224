package com.mallservicedesk.localplatform;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy/backup.sh dump --out FILE} and {@code restore --in FILE}: a logical backup of the services'
 * databases (see {@link MongoBackup}); the drill is in docs/operations.md.
 */
public final class BackupCommand {

    static final String URI_VARIABLE = "SPRING_MONGODB_URI";
    static final String DEFAULT_URI = "mongodb://127.0.0.1:27017";

    private BackupCommand() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(exitCode);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            out.print(usage());
            return arguments.isEmpty() ? 2 : 0;
        }
        String action = arguments.get(0);
        String uri = value(arguments, "--mongo", environment.getOrDefault(URI_VARIABLE, DEFAULT_URI));
        try (var client = MongoClients.create(uri)) {
            var backup = new MongoBackup(client, out);
            switch (action) {
                case "dump" -> {
                    Path file = Path.of(required(arguments, "--out"));
                    String databases = value(arguments, "--databases", "");
                    var summary = backup.dump(databases.isBlank() ? List.of() : List.of(databases.split(",")), file);
                    out.printf("Dumped %,d documents from %d collections to %s%n", summary.total(),
                            summary.documents().size(), file);
                }
                case "restore" -> {
                    Path file = Path.of(required(arguments, "--in"));
                    var summary = backup.restore(file);
                    out.printf("Restored %,d documents into %d collections from %s%n", summary.total(),
                            summary.documents().size(), file);
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "' (dump or restore)");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("backup: " + e.getMessage());
            err.print(usage());
            return 2;
        } catch (IOException | MongoException e) {
            err.println("backup: " + e.getMessage() + " (is MongoDB at " + uri + " running? is the file readable?)");
            return 1;
        }
    }

    private static String value(List<String> arguments, String option, String fallback) {
        int at = arguments.indexOf(option);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(at + 1);
    }

    private static String required(List<String> arguments, String option) {
        String value = value(arguments, option, null);
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }

    static String usage() {
        return """
                Usage: deploy/backup.sh dump --out FILE [--databases intake,dispatch,...] [--mongo URI]
                       deploy/backup.sh restore --in FILE [--mongo URI]
                  dump     writes every non-system database (or the named ones) to FILE (gzip, Extended JSON lines)
                  restore  drops each database named in FILE, then writes back its collections, indexes and documents
                  --mongo  defaults to $SPRING_MONGODB_URI, else mongodb://127.0.0.1:27017
                Stop the services first (Ctrl-C the local platform, then start only the store: see docs/operations.md).
                """;
    }
}
