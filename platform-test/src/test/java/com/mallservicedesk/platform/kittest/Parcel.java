package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.RelayState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.StateCounted;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test aggregate that carries its pending events, as every service aggregate does, and may be counted by state. */
@Document("parcels")
public class Parcel implements StateCounted {

    static final EventType REGISTERED = new EventType("mall.kittest.parcel.registered.v1", "kittest.parcels.v1");

    public record Registered(String parcelId, String label) implements DomainEvent {
        @Override
        public EventType eventType() {
            return REGISTERED;
        }
    }

    @Id
    private String id;
    private String mallId;
    private String label;
    private List<String> notes = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private Map<String, Object> countedAs;
    private List<CounterMove> countOutbox = new ArrayList<>();

    Parcel() {
    }

    public record Noted(String parcelId, String note) implements DomainEvent {
        @Override
        public EventType eventType() {
            return NOTED;
        }
    }

    static final EventType NOTED = new EventType("mall.kittest.parcel.noted.v1", "kittest.parcels.v1");

    static Created<Parcel> register(String id, String mallId, String label) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        parcel.mallId = mallId;
        parcel.label = label;
        return Created.of(parcel, new Registered(id, label));
    }

    List<DomainEvent> note(String note) {
        notes.add(note);
        return List.of(new Noted(id, note));
    }

    public List<String> getNotes() {
        return notes;
    }

    public String getId() {
        return id;
    }

    public String getMallId() {
        return mallId;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

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
}
