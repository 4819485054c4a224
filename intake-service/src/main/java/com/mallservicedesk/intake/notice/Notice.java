package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.NewestFirstKey;
import com.mallservicedesk.platform.store.TimeKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice to the mall's stores. The recipients are fixed when it is published and stored with it in one
 * write, so the deliveries made from them cannot be lost even if the service stops right after.
 */
@Document("notices")
// Sparse only for notices stored before the key, until they are keyed at start (NoticeLogKeys).
@CompoundIndex(name = Notice.LOG_KEY, def = "{'" + Notice.LOG_KEY + "': 1}", unique = true, sparse = true)
@CompoundIndex(name = Notice.DELIVERIES_DUE, def = "{'" + Notice.DELIVERIES_DUE + "': 1}", unique = true, sparse = true)
public class Notice implements OutboxCarrier {

    /** How long the publishing request has to make the deliveries before the sweep takes over. */
    static final Duration UNFINISHED_AFTER = Duration.ofSeconds(10);
    static final String DELIVERIES_DUE = "deliveriesDue";
    static final String LOG_KEY = "logKey";

    public record Recipient(String tenantId, String tenantName) {
    }

    @Id
    private String id;
    private String mallId;
    private NoticeKind kind;
    private List<String> floors;
    private List<String> zones;
    private Instant startsAt;
    private Instant endsAt;
    private String message;
    /** The departments that must be told (seed 000 §4.10); empty for notices stored before they were named. */
    private List<String> departments = new ArrayList<>();
    private String publishedBy;
    private Instant publishedAt;
    private List<Recipient> recipients = new ArrayList<>();
    /** False until a delivery exists for every recipient; the sweeper finishes the job after a crash. */
    private boolean deliveriesCreated;
    /**
     * Until then, the time from which the sweep makes them (the publishing request makes them itself before), then
     * the id: a key in a sparse unique index, so the sweep reads only the notices not finished.
     */
    private String deliveriesDue;
    /** Its key in the mall's notices, newest first ({@link NewestFirstKey}, by publication), which the list reads. */
    private String logKey;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    Notice() {
    }

    static String deliveriesDue(String id, Instant from) {
        return TimeKeys.of(from, id);
    }

    static Created<Notice> publish(String id, String mallId, PublishNotice body, List<Recipient> recipients, String by,
                                   Instant now) {
        Notice notice = new Notice();
        notice.id = id;
        notice.mallId = mallId;
        notice.kind = body.kind();
        notice.floors = body.floors() == null ? List.of() : List.copyOf(body.floors());
        notice.zones = body.zones() == null ? List.of() : List.copyOf(body.zones());
        notice.startsAt = body.startsAt();
        notice.endsAt = body.endsAt();
        notice.message = body.message();
        notice.departments = body.departments() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(body.departments()));
        notice.publishedBy = by;
        notice.publishedAt = now;
        notice.recipients = new ArrayList<>(recipients);
        notice.deliveriesDue = deliveriesDue(id, now.plus(UNFINISHED_AFTER));
        notice.logKey = notice.placeInLog();
        return Created.of(notice, new NoticeEvents.Published(id, notice.kind, notice.floors, notice.zones, notice.startsAt,
                notice.endsAt, notice.message, recipients.size(), by, List.copyOf(notice.departments)));
    }

    /** Its key in the mall's notices, newest first: the one derivation of the key. */
    String placeInLog() {
        return NewestFirstKey.of(mallId, publishedAt, id);
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public NoticeKind getKind() { return kind; }
    public List<String> getFloors() { return floors; }
    public List<String> getZones() { return zones; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getMessage() { return message; }
    public List<String> getDepartments() { return departments == null ? List.of() : departments; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public List<Recipient> getRecipients() { return recipients; }
    public boolean isDeliveriesCreated() { return deliveriesCreated; }
    String getDeliveriesDue() { return deliveriesDue; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
