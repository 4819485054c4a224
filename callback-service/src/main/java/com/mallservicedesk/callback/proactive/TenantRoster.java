package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.followup.ProactiveTarget;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's active tenants, kept from intake's tenant directory (one document per mall, keyed by the mall id), from
 * which each day's proactive callbacks are drawn; it also owns the durable timer of the next daily draw. Each tenant is
 * as its latest change (by event time) left it: a change older than the one applied, replayed or out of order, is
 * ignored, so a closed store is never put back on the roster by its old registration.
 */
@Document("callback_tenant_rosters")
public class TenantRoster implements OutboxCarrier {

    static final String DRAW_TIMER = "callback-daily-sample";

    @Id
    private String id;
    private String mallId;
    /** Active tenants, ordered by id so that a draw depends only on who is in the roster. */
    private List<ProactiveTarget> active = new ArrayList<>();
    /** The day whose draw the timer is set for. */
    private String nextDraw;
    /** When each tenant (in the roster or not any more) last changed, as its events said. */
    private List<Change> changes = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    /** The time of the latest change applied to one tenant. */
    record Change(String tenantId, Instant at) {
    }

    TenantRoster() {
    }

    static Created<TenantRoster> start(String mallId, TenantChanged first, Instant changedAt, LocalDate firstDraw,
                                       Instant drawAt) {
        TenantRoster roster = new TenantRoster();
        roster.id = mallId;
        roster.mallId = mallId;
        roster.apply(first, changedAt);
        roster.planDraw(firstDraw, drawAt);
        return Created.of(roster);
    }

    static String timerId(String mallId, LocalDate date) {
        return DRAW_TIMER + ":" + mallId + ":" + date;
    }

    /**
     * A tenant registered or changed at {@code changedAt}: active ones are in the roster, inactive ones are not. A
     * change older than the latest one applied to the tenant changes nothing.
     */
    List<DomainEvent> apply(TenantChanged tenant, Instant changedAt) {
        if (changes == null) {
            changes = new ArrayList<>();
        }
        Instant latest = changes.stream().filter(c -> c.tenantId().equals(tenant.tenantId())).map(Change::at)
                .findFirst().orElse(null);
        if (latest != null && changedAt != null && changedAt.isBefore(latest)) {
            return List.of();
        }
        changes.removeIf(c -> c.tenantId().equals(tenant.tenantId()));
        changes.add(new Change(tenant.tenantId(), changedAt != null ? changedAt : latest));
        active.removeIf(t -> t.tenantId().equals(tenant.tenantId()));
        if (tenant.isActive()) {
            active.add(new ProactiveTarget(tenant.tenantId(), tenant.name(), tenant.kind(), tenant.floor(), tenant.zone(),
                    tenant.unit()));
            active.sort(Comparator.comparing(ProactiveTarget::tenantId));
        }
        return List.of();
    }

    /** Sets the timer for the draw of {@code date}, unless it is set for that day or a later one already. */
    List<DomainEvent> planDraw(LocalDate date, Instant at) {
        if (nextDraw == null || date.isAfter(LocalDate.parse(nextDraw))) {
            nextDraw = date.toString();
            timerOutbox.add(PendingTimer.schedule(timerId(mallId, date), DRAW_TIMER, mallId, at, Map.of("date", date.toString())));
        }
        return List.of();
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public List<ProactiveTarget> getActive() { return active; }
    public String getNextDraw() { return nextDraw; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

    @Override
    public List<PendingTimer> getTimerOutbox() {
        return timerOutbox;
    }
}
