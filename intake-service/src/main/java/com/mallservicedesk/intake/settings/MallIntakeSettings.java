package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.settings.SettingsEvents.MallSettingsChanged;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mall's stored intake settings, keyed by the mall id. Every change raises {@code revision} and publishes the
 * settings other services count their clocks in (contract C1: time zone, site kind, desk hours). Documents stored
 * before settings had a revision are adopted on their first change ({@link MallSettings}). A setting a change leaves
 * out keeps its stored value, or the default while there is none.
 */
@Document(MallIntakeSettings.COLLECTION)
public class MallIntakeSettings implements OutboxCarrier {

    static final String COLLECTION = "intake_settings";

    @Id
    private String id;
    private String mallId;
    private Duration acceptanceLimit;
    private Duration duplicateWindow;
    private String gatewayUrl;
    private Boolean gatewaySetByPlatform;
    private ZoneId timeZone;
    private SiteKind siteKind;
    private StoredDeskHours deskHours;
    private Duration complaintHandoverLimit;
    private Integer complaintInvestigationDays;
    private Integer complaintFeedbackDays;
    private Integer consultationReplyDays;
    private Integer suggestionEvaluationDays;
    private long revision;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    MallIntakeSettings() {
    }

    /**
     * What a change sets: the three required settings always; {@code null} elsewhere keeps the stored value.
     *
     * @param gateway null keeps the stored gateway
     */
    record Change(Duration acceptanceLimit, Duration duplicateWindow, ZoneId timeZone, SiteKind siteKind,
                  WorkingCalendar deskHours, Duration complaintHandoverLimit, Integer complaintInvestigationDays,
                  Integer complaintFeedbackDays, Integer consultationReplyDays, Integer suggestionEvaluationDays,
                  Gateway gateway) {
    }

    /** @param url null: no gateway of the mall's own */
    record Gateway(String url, Boolean setByPlatform) {
    }

    /** The mall's first settings: the defaults, changed as asked. */
    static Created<MallIntakeSettings> first(String mallId, Change change, IntakeDefaults defaults, Instant now, String by) {
        var settings = new MallIntakeSettings();
        settings.id = mallId;
        settings.mallId = mallId;
        return new Created<>(settings, settings.change(change, defaults, now, by));
    }

    /** Applies a change; always a new revision, published with the desk hours in the mall's zone. */
    List<DomainEvent> change(Change change, IntakeDefaults defaults, Instant now, String by) {
        SiteKind kind = first(change.siteKind(), siteKind, defaults.siteKind());
        WorkingCalendar hours;
        if (change.deskHours() != null) {
            hours = change.deskHours().withZone(change.timeZone());
        } else if (deskHours != null && kind == siteKind) {
            hours = deskHours.in(change.timeZone());
        } else {
            // A new site kind without hours of its own takes that kind's default (12 h desk or 24 h duty).
            hours = IntakeSettings.defaultDeskHours(kind, change.timeZone());
        }
        acceptanceLimit = change.acceptanceLimit();
        duplicateWindow = change.duplicateWindow();
        timeZone = change.timeZone();
        siteKind = kind;
        deskHours = StoredDeskHours.of(hours);
        complaintHandoverLimit = first(change.complaintHandoverLimit(), complaintHandoverLimit,
                defaults.complaintHandoverLimit());
        complaintInvestigationDays = first(change.complaintInvestigationDays(), complaintInvestigationDays,
                defaults.complaintInvestigationDays());
        complaintFeedbackDays = first(change.complaintFeedbackDays(), complaintFeedbackDays,
                defaults.complaintFeedbackDays());
        consultationReplyDays = first(change.consultationReplyDays(), consultationReplyDays,
                defaults.consultationReplyDays());
        suggestionEvaluationDays = first(change.suggestionEvaluationDays(), suggestionEvaluationDays,
                defaults.suggestionEvaluationDays());
        if (change.gateway() != null) {
            gatewayUrl = change.gateway().url();
            gatewaySetByPlatform = change.gateway().setByPlatform();
        }
        revision++;
        updatedAt = now;
        updatedBy = by;
        return List.of(new MallSettingsChanged(mallId, revision, timeZone.getId(), siteKind, PublishedDeskHours.of(hours),
                now));
    }

    /** The settings as the features read them; what was never stored comes from the defaults. */
    IntakeSettings view(IntakeDefaults defaults) {
        ZoneId zone = first(timeZone, defaults.timeZone());
        SiteKind kind = first(siteKind, defaults.siteKind());
        return new IntakeSettings(id, first(acceptanceLimit, defaults.acceptanceLimit()),
                first(duplicateWindow, defaults.duplicateWindow()), gatewayUrl, gatewaySetByPlatform, zone, updatedAt,
                updatedBy, kind, deskHours == null ? IntakeSettings.defaultDeskHours(kind, zone) : deskHours.in(zone),
                first(complaintHandoverLimit, defaults.complaintHandoverLimit()),
                first(complaintInvestigationDays, defaults.complaintInvestigationDays()),
                first(complaintFeedbackDays, defaults.complaintFeedbackDays()),
                first(consultationReplyDays, defaults.consultationReplyDays()),
                first(suggestionEvaluationDays, defaults.suggestionEvaluationDays()), revision);
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getMallId() {
        return mallId;
    }

    Gateway gateway() {
        return new Gateway(gatewayUrl, gatewaySetByPlatform);
    }

    public long getRevision() {
        return revision;
    }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
