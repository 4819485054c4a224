package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test aggregate that carries its pending events, as every service aggregate does. */
@Document("parcels")
public class Parcel implements OutboxCarrier {

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
    private List<PendingEvent> outbox = new ArrayList<>();

    Parcel() {
    }

    static Parcel register(String id, String mallId, String label) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        parcel.mallId = mallId;
        parcel.label = label;
        return parcel;
    }

    Registered registered() {
        return new Registered(id, label);
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
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
