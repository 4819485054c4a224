package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.mallservicedesk.localplatform.DeadLetterCommand.Action;
import com.mallservicedesk.localplatform.DeadLetterCommand.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterCommandTest {

    @Test
    void parsesListWithDefaults() {
        Options options = parse("list", "--topic", "intake.requests.v1.DLT");

        assertThat(options).isEqualTo(new Options(Action.LIST, "intake.requests.v1.DLT", "127.0.0.1:9092", 100, false,
                null, null, false, false));
    }

    @Test
    void parsesEveryReplayOptionAndOptionEqualsValue() {
        Options options = parse("replay", "--topic=a.v1.DLT", "--bootstrap", "kafka:9092", "--only-type", "t.v1",
                "--only-id=e-1", "--dry-run", "--from-beginning");

        assertThat(options).isEqualTo(new Options(Action.REPLAY, "a.v1.DLT", "kafka:9092", 100, false, "t.v1", "e-1",
                true, true));
    }

    @Test
    void parsesListOptions() {
        Options options = parse("list", "--topic", "a.v1.DLT", "--max", "5", "--show-values");

        assertThat(options.max()).isEqualTo(5);
        assertThat(options.showValues()).isTrue();
    }

    @Test
    void takesTheBootstrapServersFromTheEnvironmentUnlessGiven() {
        Map<String, String> environment = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "broker:29092");

        assertThat(DeadLetterCommand.parse(new String[] {"list", "--topic", "t"}, environment).bootstrapServers())
                .isEqualTo("broker:29092");
        assertThat(DeadLetterCommand.parse(new String[] {"list", "--topic", "t", "--bootstrap", "other:9092"},
                environment).bootstrapServers()).isEqualTo("other:9092");
    }

    @Test
    void rejectsMalformedInput() {
        assertRejected("expected a command first: list or replay");
        assertRejected("expected a command first: list or replay", "--topic", "t");
        assertRejected("unknown command show; expected list or replay", "show", "--topic", "t");
        assertRejected("--topic is required, e.g. --topic intake.requests.v1.DLT", "list");
        assertRejected("unknown option --topics", "list", "--topics", "t");
        assertRejected("--dry-run is not an option of list", "list", "--topic", "t", "--dry-run");
        assertRejected("--show-values is not an option of replay", "replay", "--topic", "t", "--show-values");
        assertRejected("--topic needs a value", "replay", "--topic", "--dry-run");
        assertRejected("--topic needs a value", "replay", "--topic");
        assertRejected("--dry-run takes no value", "replay", "--topic", "t", "--dry-run=yes");
        assertRejected("--topic is given more than once", "list", "--topic", "a", "--topic", "b");
        assertRejected("--max takes a positive whole number, got '0'", "list", "--topic", "t", "--max", "0");
        assertRejected("unknown option stray", "list", "--topic", "t", "stray");
    }

    @Test
    void badOptionsExitWith2AndSayWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DeadLetterCommand.run(new String[] {"replay", "--topic", "t", "--max", "3"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dead-letters: --max is not an option of replay")
                .contains("Usage: deploy/dead-letters.sh");
    }

    @Test
    void helpPrintsTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = DeadLetterCommand.run(new String[] {"replay", "--help"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deploy/dead-letters.sh list",
                "deploy/dead-letters.sh replay", "dead-letter-replay", "--dry-run");
    }

    @Test
    void filtersSelectByTypeAndIdTogether() {
        DeadLetter lost = DeadLetterTest.deadLetter("e-1", "parcel.lost.v1");
        DeadLetter found = DeadLetterTest.deadLetter("e-2", "parcel.found.v1");

        Options byType = parse("replay", "--topic", "t", "--only-type", "parcel.lost.v1");
        Options byBoth = parse("replay", "--topic", "t", "--only-type", "parcel.lost.v1", "--only-id", "e-2");
        assertThat(parse("replay", "--topic", "t").selects(found)).isTrue();
        assertThat(byType.selects(lost)).isTrue();
        assertThat(byType.selects(found)).isFalse();
        assertThat(byBoth.selects(lost)).isFalse();
        assertThat(byBoth.selects(found)).isFalse();
        assertThat(parse("replay", "--topic", "t", "--only-id", "e-2").selects(found)).isTrue();
        assertThat(byType.selects(new DeadLetter(new ConsumerRecord<>("t", 0, 0, null, null)))).isFalse();
    }

    private static Options parse(String... args) {
        return DeadLetterCommand.parse(args, Map.of());
    }

    private static void assertRejected(String message, String... args) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(args)).withMessage(message);
    }
}
