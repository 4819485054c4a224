package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import com.mallservicedesk.platform.store.Created;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The independent claim file kept for each incident (獨立的索賠檔案, seed 000 §第三條). */
@Document("claims")
public class Claim implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String requestId;
    private String requestNumber;
    private String description;
    private ReportedIncident.Location location;
    private Instant occurredAt;
    private Instant openedAt;
    private ClaimStatus status;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    Claim() {
    }

    /** One claim per incident request: the id derives from the request, so redelivery cannot open a second. */
    static Created<Claim> open(String mallId, ReportedIncident incident, Instant now) {
        Claim claim = new Claim();
        claim.id = "claim-" + incident.requestId();
        claim.mallId = mallId;
        claim.requestId = incident.requestId();
        claim.requestNumber = incident.number();
        claim.description = incident.description();
        claim.location = incident.location();
        claim.occurredAt = incident.receivedAt();
        claim.openedAt = now;
        claim.status = ClaimStatus.OPEN;
        return Created.of(claim, new ClaimOpened(claim.id, claim.requestId, claim.requestNumber, claim.occurredAt,
                claim.location));
    }

    @Override
    public String correlationId() {
        return requestId;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getDescription() { return description; }
    public ReportedIncident.Location getLocation() { return location; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getOpenedAt() { return openedAt; }
    public ClaimStatus getStatus() { return status; }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
