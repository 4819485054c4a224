package com.mallservicedesk.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The rules a write follows for the relay's state it stores with its pending work. */
class PendingDocumentsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final PendingDocuments pending = new PendingDocuments(null, Clock.fixed(NOW, ZoneOffset.UTC), LEASE);

    @Test
    void aWriteThatFillsAnEmptyOutboxLeasesTheDocumentToTheRelayAfterIt() {
        RelayState stored = pending.onWrite(null);

        assertThat(stored.holder()).isNotBlank();
        assertThat(stored.until()).isEqualTo(NOW.plus(LEASE));
        assertThat(stored.failures()).isZero();
        assertThat(pending.onWrite(null).holder()).as("every lease has a token of its own").isNotEqualTo(stored.holder());
    }

    @Test
    void aWriteKeepsTheLeaseOfTheRelayWorkingOnTheDocument() {
        RelayState held = new RelayState("other-instance/7", NOW.plusSeconds(10), 0);

        assertThat(pending.onWrite(held)).isSameAs(held);
    }

    @Test
    void aWriteKeepsARunningBackOffSoTheDocumentsEventsStayInOrderBehindTheFailedOnes() {
        RelayState waiting = new RelayState(null, NOW.plusSeconds(4), 3);

        assertThat(pending.onWrite(waiting)).isSameAs(waiting);
    }

    @Test
    void aWriteTakesOverALeaseThatRanOutAndKeepsItsCountOfFailures() {
        RelayState ranOut = new RelayState("crashed-instance/3", NOW.minusSeconds(1), 2);

        RelayState stored = pending.onWrite(ranOut);

        assertThat(stored.holder()).isNotEqualTo(ranOut.holder());
        assertThat(stored.until()).isEqualTo(NOW.plus(LEASE));
        assertThat(stored.failures()).isEqualTo(2);
    }

    @Test
    void theDueKeySortsByTimeThenIdAndADocumentIsDueOnceItsTimeHasCome() {
        assertThat(PendingDocuments.dueKey(Instant.ofEpochMilli(999), "b"))
                .isLessThan(PendingDocuments.dueKey(Instant.ofEpochMilli(1000), "a"));

        var document = new Document("_id", "x");
        PendingDocuments.store(document, new RelayState(null, NOW.plusMillis(1), 1));
        assertThat(pending.isDue(document)).isFalse();
        PendingDocuments.store(document, new RelayState(null, NOW, 1));
        assertThat(pending.isDue(document)).isTrue();
        assertThat(PendingDocuments.stateOf(document)).isEqualTo(new RelayState(null, NOW, 1));
    }
}
