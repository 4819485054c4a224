package com.mallservicedesk.localplatform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;

/**
 * Lists and replays the records that consumers dead-lettered to {@code <topic>.DLT}, once whatever made them fail
 * has been fixed. Plain kafka-clients: it must run against any broker, the local platform's or another.
 */
public final class DeadLetterCommand {

    static final String BOOTSTRAP_VARIABLE = "SPRING_KAFKA_BOOTSTRAP_SERVERS";
    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    static final int DEFAULT_MAX = 100;

    enum Action { LIST, REPLAY }

    private static final Set<String> VALUED = Set.of("--topic", "--bootstrap", "--max", "--only-type", "--only-id");
    private static final Set<String> FLAGS = Set.of("--show-values", "--dry-run", "--from-beginning");
    private static final Map<Action, Set<String>> ALLOWED = Map.of(
            Action.LIST, Set.of("--topic", "--bootstrap", "--max", "--only-type", "--only-id", "--show-values"),
            Action.REPLAY, Set.of("--topic", "--bootstrap", "--only-type", "--only-id", "--dry-run",
                    "--from-beginning"));

    private DeadLetterCommand() {
    }

    /** What to do; {@code onlyType} and {@code onlyId} are null when not filtering. */
    record Options(Action action, String topic, String bootstrapServers, int max, boolean showValues,
                   String onlyType, String onlyId, boolean dryRun, boolean fromBeginning) {

        boolean selects(DeadLetter deadLetter) {
            return (onlyType == null || onlyType.equals(deadLetter.type()))
                    && (onlyId == null || onlyId.equals(deadLetter.id()));
        }
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(exitCode);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(usage());
            return 0;
        }
        Options options;
        try {
            options = parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("dead-letters: " + e.getMessage());
            err.println();
            err.print(usage());
            return 2;
        }
        try {
            return options.action() == Action.LIST ? list(options, out, err)
                    : new DeadLetterReplay(options, out).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.flush();
            err.println("dead-letters: " + e.getMessage());
            return 1;
        } catch (KafkaException e) {
            out.flush();
            err.println("dead-letters: Kafka at " + options.bootstrapServers() + ": " + e.getMessage()
                    + " (is the broker running, is --bootstrap right?)");
            return 1;
        }
    }

    /** Reads from the beginning without any consumer group: listing leaves no trace on the broker. */
    static int list(Options options, PrintStream out, PrintStream err) {
        int[] shown = {0};
        boolean[] more = {false};
        try (DeadLetterReader reader = DeadLetterReader.open(options.bootstrapServers(), options.topic(), null)) {
            reader.partitions().forEach(reader::seekToBeginning);
            reader.read(batch -> {
                for (var record : batch) {
                    DeadLetter deadLetter = new DeadLetter(record);
                    if (!options.selects(deadLetter)) {
                        continue;
                    }
                    if (shown[0] == options.max()) {
                        more[0] = true;
                        return false;
                    }
                    out.println(deadLetter.line(options.showValues()));
                    shown[0]++;
                }
                return true;
            });
        }
        // On stderr: stdout carries only the dead letters, one per line, for grep and wc.
        err.println(shown[0] + " dead letter" + (shown[0] == 1 ? "" : "s") + " listed from " + options.topic()
                + (more[0] ? "; there are more, raise --max to see them" : ""));
        return 0;
    }

    static Options parse(String[] args, Map<String, String> environment) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("expected a command first: list or replay");
        }
        Action action = switch (args[0]) {
            case "list" -> Action.LIST;
            case "replay" -> Action.REPLAY;
            default -> throw new IllegalArgumentException("unknown command " + args[0] + "; expected list or replay");
        };
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            if (!VALUED.contains(option) && !FLAGS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (!ALLOWED.get(action).contains(option)) {
                throw new IllegalArgumentException(option + " is not an option of " + args[0]);
            }
            if (FLAGS.contains(option)) {
                if (value != null) {
                    throw new IllegalArgumentException(option + " takes no value");
                }
                if (!flags.add(option)) {
                    throw new IllegalArgumentException(option + " is given more than once");
                }
                continue;
            }
            // "--topic --dry-run" is a forgotten value, not a topic named --dry-run.
            if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if (values.put(option, value.strip()) != null) {
                throw new IllegalArgumentException(option + " is given more than once");
            }
        }
        String topic = values.get("--topic");
        if (topic == null) {
            throw new IllegalArgumentException("--topic is required, e.g. --topic intake.requests.v1.DLT");
        }
        return new Options(action, topic, bootstrapServers(values.get("--bootstrap"), environment),
                max(values.get("--max")), flags.contains("--show-values"), values.get("--only-type"),
                values.get("--only-id"), flags.contains("--dry-run"), flags.contains("--from-beginning"));
    }

    private static String bootstrapServers(String option, Map<String, String> environment) {
        if (option != null) {
            return option;
        }
        String variable = environment.get(BOOTSTRAP_VARIABLE);
        return variable == null || variable.isBlank() ? DEFAULT_BOOTSTRAP : variable.strip();
    }

    private static int max(String value) {
        if (value == null) {
            return DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(value);
            if (max > 0) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--max takes a positive whole number, got '" + value + "'");
    }

    static String usage() {
        return """
                Usage: deploy/dead-letters.sh list   --topic <topic>.DLT [--bootstrap <host:port>] [--max <n>]
                                                     [--only-type <ce_type>] [--only-id <ce_id>] [--show-values]
                       deploy/dead-letters.sh replay --topic <topic>.DLT [--bootstrap <host:port>]
                                                     [--only-type <ce_type>] [--only-id <ce_id>]
                                                     [--dry-run] [--from-beginning]

                Consumers move a record they cannot process to <topic>.DLT, with the original key, value and
                headers plus kafka_dlt-* headers saying where it came from and why it failed.

                list     prints one line per dead letter, oldest first per partition:
                           <DLT partition@offset>  from <original topic-partition@offset>  type=<ce_type>
                           id=<ce_id>  mall=<ce_mallid>  key=<key>  error=<exception class>: <first line of
                           the message>  at=<record timestamp>
                         It reads the whole topic as it is at the start, joins no consumer group and commits
                         nothing. Record values are not printed: they may hold personal data.
                           --max <n>        stop after n lines (default: 100)
                           --show-values    append the record value to each line

                replay   re-publishes dead letters to their original topic (kafka_dlt-original-topic) with the
                         same key, value and headers, minus the kafka_dlt-* headers, and prints each one and a
                         summary. Records without kafka_dlt-original-topic are refused (exit code 1).
                         Progress is committed under the consumer group dead-letter-replay: a later replay skips
                         what was replayed already, and records a filter left out stay pending for a later
                         replay. Re-sending a record is harmless: consumers deduplicate on ce_id.
                           --dry-run          only print what would be replayed; send and commit nothing
                           --from-beginning   ignore the recorded progress and consider every dead letter

                Both:
                  --topic <name>       the dead-letter topic, e.g. intake.requests.v1.DLT (required)
                  --bootstrap <list>   Kafka bootstrap servers (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS,
                                       else 127.0.0.1:9092)
                  --only-type <type>   only records with this ce_type
                  --only-id <id>       only the record with this ce_id

                Typical use, once the cause is fixed and deployed:
                  deploy/dead-letters.sh list --topic intake.requests.v1.DLT
                  deploy/dead-letters.sh replay --topic intake.requests.v1.DLT --dry-run
                  deploy/dead-letters.sh replay --topic intake.requests.v1.DLT

                Exit codes: 0 done, 1 failed or refused records, 2 bad options.
                """;
    }
}
