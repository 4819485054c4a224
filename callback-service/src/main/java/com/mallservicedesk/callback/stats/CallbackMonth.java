package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.Targets;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored callback figures of one mall and month ({@code <mall>|<YYYY-MM>}), or of one department in it
 * ({@code <mall>|<YYYY-MM>|<department>}), in the mall's time zone. Changed by key as callbacks change, never
 * recomputed from all callbacks on a request; each change publishes the month's new figures.
 */
@Document("callback_stats")
@CompoundIndex(name = "month_department", def = "{'month': 1, 'department': 1}")
public class CallbackMonth implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String month;
    private String department;
    private Map<String, Long> counts = new LinkedHashMap<>();
    /** On the whole mall's month: the departments that have figures of their own in it. */
    private List<String> departments = new ArrayList<>();
    private Instant updatedAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    CallbackMonth() {
    }

    static String key(String mallId, String month, String department) {
        return mallId + "|" + month + (department == null ? "" : "|" + department);
    }

    static Created<CallbackMonth> open(String mallId, String month, String department, Tally delta, String departmentSeen,
                                       Targets targets, Instant now) {
        CallbackMonth m = new CallbackMonth();
        m.id = key(mallId, month, department);
        m.mallId = mallId;
        m.month = month;
        m.department = department;
        List<DomainEvent> events = m.add(delta, departmentSeen, targets, now);
        return new Created<>(m, events);
    }

    /** Adds the change and publishes the new figures (survey's reports read them, seed 000 §4.11). */
    List<DomainEvent> add(Tally delta, String departmentSeen, Targets targets, Instant now) {
        counts = tally().plus(delta).toMap();
        if (departmentSeen != null && !departments.contains(departmentSeen)) {
            departments.add(departmentSeen);
        }
        updatedAt = now;
        return List.of(StatsEvents.Updated.of(mallId, month, department, Figures.of(tally(), targets)));
    }

    /** Counted again from the callbacks (a repair after a write was lost): the figures become these. */
    List<DomainEvent> replace(Tally counted, List<String> departmentsCounted, Targets targets, Instant now) {
        counts = counted.toMap();
        if (department == null) {
            departments = new ArrayList<>(departmentsCounted);
        }
        updatedAt = now;
        return List.of(StatsEvents.Updated.of(mallId, month, department, Figures.of(tally(), targets)));
    }

    static Created<CallbackMonth> counted(String mallId, String month, String department, Tally counted,
                                          List<String> departmentsCounted, Targets targets, Instant now) {
        CallbackMonth m = new CallbackMonth();
        m.id = key(mallId, month, department);
        m.mallId = mallId;
        m.month = month;
        m.department = department;
        return new Created<>(m, m.replace(counted, departmentsCounted, targets, now));
    }

    public Tally tally() {
        return Tally.of(counts);
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getMonth() { return month; }
    public String getDepartment() { return department; }
    public List<String> getDepartments() { return departments; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
