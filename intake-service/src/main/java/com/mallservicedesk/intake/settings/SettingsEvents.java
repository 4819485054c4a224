package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** What intake publishes about a mall's settings on {@code intake.malls.v1} (contract C1 of issue 13). */
public final class SettingsEvents {

    public static final String TOPIC = "intake.malls.v1";
    public static final EventType CHANGED = new EventType("mall.intake.mall-settings.changed.v1", TOPIC);

    private SettingsEvents() {
    }

    /**
     * A mall's intake settings changed (record key, subject and correlation id: the mall id). Consumers keep the
     * latest per mall and ignore a revision at or below the one they have; a mall without any such event runs on the
     * defaults (site kind MALL, desk hours 09:00–21:00 in the consumer's default zone, seed 000 §3.1.1).
     *
     * @param revision  grows by one with every change of this mall's settings
     * @param deskHours the front desk's working calendar, always in {@code timeZone}
     */
    public record MallSettingsChanged(String mallId, long revision, String timeZone, SiteKind siteKind,
                                      PublishedDeskHours deskHours, Instant changedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CHANGED;
        }
    }
}
