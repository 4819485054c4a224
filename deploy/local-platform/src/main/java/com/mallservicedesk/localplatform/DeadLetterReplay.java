package com.mallservicedesk.localplatform;

import com.mallservicedesk.localplatform.DeadLetterCommand.Options;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes dead letters to their original topics. Each batch is sent, confirmed, and only then committed as
 * replayed: a crash in between sends those records once more, which is harmless as the consumers deduplicate on
 * ce_id; the other order could lose them.
 */
final class DeadLetterReplay {

    /** One fixed group: the replay progress of a DLT is in its offsets, whoever runs the replay. */
    static final String GROUP = "dead-letter-replay";

    private enum Outcome { REPLAYED, WOULD_REPLAY, ALREADY_REPLAYED, NOT_SELECTED, REFUSED, FAILED }

    private final Options options;
    private final PrintStream out;
    private final Map<TopicPartition, ReplayProgress> progress = new HashMap<>();
    private final Map<Outcome, Integer> counts = new HashMap<>();
    private int read;

    DeadLetterReplay(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Returns the exit code: 1 when a record was refused or could not be sent. */
    int run() {
        try (DeadLetterReader reader = DeadLetterReader.open(options.bootstrapServers(), options.topic(), GROUP);
             KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null
                     : new KafkaProducer<>(producerConfig(options.bootstrapServers()))) {
            startFromCommittedPositions(reader);
            reader.read(batch -> replay(batch, reader, producer));
            if (!options.dryRun() && count(Outcome.FAILED) == 0) {
                // Also moves partitions whose end held no records (transaction markers) and creates the group.
                reader.commit(commits(reader, reader.partitions()));
            }
        }
        printSummary();
        return count(Outcome.REFUSED) + count(Outcome.FAILED) > 0 ? 1 : 0;
    }

    private void startFromCommittedPositions(DeadLetterReader reader) {
        Map<TopicPartition, OffsetAndMetadata> committed = options.fromBeginning() ? Map.of() : reader.committed();
        for (TopicPartition partition : reader.partitions()) {
            OffsetAndMetadata offset = committed.get(partition);
            // Beyond the end: the topic was deleted and created anew since, the old progress means nothing.
            if (offset == null || offset.offset() > reader.end(partition)) {
                progress.put(partition, ReplayProgress.none());
                reader.seekToBeginning(partition);
            } else {
                progress.put(partition, ReplayProgress.of(offset));
                reader.seek(partition, offset.offset());
            }
        }
    }

    private boolean replay(List<ConsumerRecord<byte[], byte[]>> batch, DeadLetterReader reader,
                           KafkaProducer<byte[], byte[]> producer) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<Outcome> decisions = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            DeadLetter deadLetter = new DeadLetter(record);
            Outcome decision = decide(deadLetter, progress.get(partition(record)));
            decisions.add(decision);
            sends.add(decision == Outcome.REPLAYED ? producer.send(deadLetter.replay()) : null);
        }
        if (producer != null) {
            producer.flush();
        }
        Set<TopicPartition> touched = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            DeadLetter deadLetter = new DeadLetter(batch.get(i));
            Outcome outcome = confirm(deadLetter, decisions.get(i), sends.get(i));
            count(outcome, 1);
            read++;
            TopicPartition partition = partition(batch.get(i));
            progress.get(partition).record(batch.get(i).offset(),
                    outcome == Outcome.REPLAYED || outcome == Outcome.ALREADY_REPLAYED);
            touched.add(partition);
        }
        if (!options.dryRun()) {
            reader.commit(commits(reader, touched));
        }
        // A failed send means the broker or the topic has a problem that needs a person, not more attempts.
        return count(Outcome.FAILED) == 0;
    }

    private Outcome decide(DeadLetter deadLetter, ReplayProgress partitionProgress) {
        if (partitionProgress.wasReplayed(deadLetter.record().offset())) {
            return Outcome.ALREADY_REPLAYED;
        }
        if (!options.selects(deadLetter)) {
            return Outcome.NOT_SELECTED;
        }
        // Sending a record back to the topic it is read from would loop it forever.
        if (deadLetter.originalTopic() == null || deadLetter.originalTopic().equals(options.topic())) {
            return Outcome.REFUSED;
        }
        return options.dryRun() ? Outcome.WOULD_REPLAY : Outcome.REPLAYED;
    }

    /** Prints the outcome in offset order, once the send (if any) is confirmed. */
    private Outcome confirm(DeadLetter deadLetter, Outcome decision, Future<RecordMetadata> send) {
        if (decision == Outcome.REFUSED) {
            out.println("refused       " + deadLetter.address() + ": " + (deadLetter.originalTopic() == null
                    ? "no " + DeadLetter.ORIGINAL_TOPIC + " header" : "its original topic is this dead-letter topic"));
        } else if (decision == Outcome.WOULD_REPLAY) {
            out.println("would replay  " + describe(deadLetter));
        }
        if (send == null) {
            return decision;
        }
        try {
            RecordMetadata sent = send.get();
            out.println("replayed      " + describe(deadLetter) + "  (now " + sent.topic() + "-" + sent.partition()
                    + "@" + sent.offset() + ")");
            return Outcome.REPLAYED;
        } catch (ExecutionException e) {
            out.println("FAILED        " + describe(deadLetter) + ": " + e.getCause());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("FAILED        " + describe(deadLetter) + ": interrupted");
            return Outcome.FAILED;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> commits(DeadLetterReader reader,
                                                           Iterable<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        partitions.forEach(partition -> commits.put(partition,
                progress.get(partition).commit(reader.position(partition))));
        return commits;
    }

    private void printSummary() {
        String what = options.dryRun()
                ? "Dry run: would replay " + count(Outcome.WOULD_REPLAY)
                : "Replayed " + count(Outcome.REPLAYED);
        out.printf("%s of %d dead letters read from %s (%d not selected, %d replayed before, %d refused, %d failed)%s%n",
                what, read, options.topic(), count(Outcome.NOT_SELECTED), count(Outcome.ALREADY_REPLAYED),
                count(Outcome.REFUSED), count(Outcome.FAILED),
                options.dryRun() ? "; nothing was sent or committed." : ".");
    }

    private static String describe(DeadLetter deadLetter) {
        return deadLetter.address() + " -> " + deadLetter.originalTopic() + "  type="
                + DeadLetter.oneLine(deadLetter.type()) + "  id=" + DeadLetter.oneLine(deadLetter.id());
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    private void count(Outcome outcome, int more) {
        counts.merge(outcome, more, Integer::sum);
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP);
        // Retries inside a run cannot duplicate a record, and nothing counts as sent before every replica has it.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DeadLetterReader.API_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return config;
    }
}
