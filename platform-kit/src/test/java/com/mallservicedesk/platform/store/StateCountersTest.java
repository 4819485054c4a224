package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.RelayState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which moves a write stores, and what a move does to its counters (no store needed: nothing is written here). */
class StateCountersTest {

    private final StateCounters counters = StateCounters.in(null, "ticket_counts");

    @Test
    void aNewAggregateMovesFromNowhereToItsLabels() {
        var ticket = new Ticket();

        counters.count(ticket, labels("M001", "OPEN"));

        assertThat(ticket.getCountOutbox()).singleElement().satisfies(move -> {
            assertThat(move.from()).isNull();
            assertThat(move.to()).isEqualTo(labels("M001", "OPEN"));
            assertThat(move.counters()).isEqualTo("ticket_counts");
        });
        assertThat(ticket.getCountedAs()).isEqualTo(labels("M001", "OPEN"));
    }

    @Test
    void aChangeThatKeepsTheLabelsMovesNothingAndOneThatChangesThemMovesOnce() {
        var ticket = new Ticket();
        ticket.setCountedAs(labels("M001", "OPEN"));

        counters.count(ticket, labels("M001", "OPEN"));
        assertThat(ticket.getCountOutbox()).isEmpty();

        counters.count(ticket, labels("M001", "CLOSED"));
        counters.count(ticket, labels("M001", "CLOSED"));
        assertThat(ticket.getCountOutbox()).singleElement().satisfies(move -> {
            assertThat(move.from()).isEqualTo(labels("M001", "OPEN"));
            assertThat(move.to()).isEqualTo(labels("M001", "CLOSED"));
        });
        assertThat(ticket.getCountedAs()).isEqualTo(labels("M001", "CLOSED"));
    }

    @Test
    void twoChangesBeforeTheRelayRanAreTwoMovesEachWithItsOwnId() {
        var ticket = new Ticket();
        counters.count(ticket, labels("M001", "OPEN"));
        counters.count(ticket, labels("M001", "CLOSED"));

        assertThat(ticket.getCountOutbox()).hasSize(2);
        assertThat(ticket.getCountOutbox().get(0).moveId()).isNotEqualTo(ticket.getCountOutbox().get(1).moveId());
    }

    @Test
    void aMissingLabelIsCountedAsNone() {
        var ticket = new Ticket();
        Map<String, Object> noStatus = new LinkedHashMap<>();
        noStatus.put("mallId", "M001");
        noStatus.put("status", null);

        counters.count(ticket, noStatus);

        assertThat(ticket.getCountedAs()).isEqualTo(labels("M001", "none"));
        assertThat(StateCounters.increments(ticket.getCountOutbox().get(0)))
                .extracting(IncrementsOnce.Increment::id).containsExactly("M001|none");
    }

    @Test
    void aMoveTakesOneFromTheCounterItLeftAndAddsOneToTheCounterItEntered() {
        var move = new CounterMove("move-1", "ticket_counts", labels("M001", "OPEN"), labels("M001", "CLOSED"));

        List<IncrementsOnce.Increment> increments = StateCounters.increments(move);

        assertThat(increments).extracting(IncrementsOnce.Increment::id).containsExactly("M001|OPEN", "M001|CLOSED");
        assertThat(increments).extracting(IncrementsOnce.Increment::collection).containsOnly("ticket_counts");
        assertThat(increments.get(0).update().getUpdateObject().get("$inc", org.bson.Document.class).get("n"))
                .isEqualTo(-1L);
        assertThat(increments.get(1).update().getUpdateObject().get("$inc", org.bson.Document.class).get("n"))
                .isEqualTo(1L);
        // The labels are stored with the counter, for the gauges to read.
        assertThat(increments.get(1).update().getUpdateObject().get("$set", org.bson.Document.class))
                .containsEntry("mallId", "M001").containsEntry("status", "CLOSED");
    }

    private static Map<String, Object> labels(String mall, String status) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("mallId", mall);
        labels.put("status", status);
        return labels;
    }

    private static final class Ticket implements StateCounted {

        private Map<String, Object> countedAs;
        private final List<CounterMove> countOutbox = new ArrayList<>();

        @Override
        public Map<String, Object> getCountedAs() {
            return countedAs;
        }

        @Override
        public void setCountedAs(Map<String, Object> labels) {
            this.countedAs = labels;
        }

        @Override
        public List<CounterMove> getCountOutbox() {
            return countOutbox;
        }

        @Override
        public String getId() {
            return "ticket-1";
        }

        @Override
        public String getMallId() {
            return "M001";
        }

        @Override
        public List<PendingEvent> getOutbox() {
            return List.of();
        }

        @Override
        public RelayState getRelay() {
            return null;
        }
    }
}
