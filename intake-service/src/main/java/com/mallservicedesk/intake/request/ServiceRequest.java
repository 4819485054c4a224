package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One entry of the reception log (物業接待記錄): time, customer, contact and reason (seed 000 §4.3). */
@Document("requests")
@CompoundIndex(name = "mall_number", def = "{'mallId': 1, 'number': 1}", unique = true)
public class ServiceRequest implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String number;
    private Channel channel;
    private RequestKind kind;
    private String category;
    private String description;
    private Location location;
    private Customer customer;
    private Instant receivedAt;
    private Instant registeredAt;
    private RequestStatus status;
    private Owner owner;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    ServiceRequest() {
    }

    /** Registers a contact and returns the events that registration causes. */
    static Registration register(String id, String mallId, String number, RegisterRequest command, Owner owner, Instant now) {
        ServiceRequest request = new ServiceRequest();
        request.id = id;
        request.mallId = mallId;
        request.number = number;
        request.channel = command.channel();
        request.kind = command.kind();
        request.category = command.category();
        request.description = command.description();
        request.location = command.location();
        request.customer = command.customer();
        request.receivedAt = command.receivedAt() == null ? now : command.receivedAt();
        request.registeredAt = now;
        request.status = RequestStatus.REGISTERED;
        request.owner = owner;
        return new Registration(request, List.of(new RequestRegistered(id, number, request.channel, request.kind,
                request.category, request.description, request.location, request.customer, request.receivedAt,
                request.status, owner)));
    }

    record Registration(ServiceRequest request, List<DomainEvent> events) {
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getNumber() { return number; }
    public Channel getChannel() { return channel; }
    public RequestKind getKind() { return kind; }
    public String getCategory() { return category; }
    public String getDescription() { return description; }
    public Location getLocation() { return location; }
    public Customer getCustomer() { return customer; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public RequestStatus getStatus() { return status; }
    public Owner getOwner() { return owner; }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
