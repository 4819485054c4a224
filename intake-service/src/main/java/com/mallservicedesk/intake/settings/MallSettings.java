package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.gateway.GatewayUrlPolicy;
import com.mallservicedesk.intake.settings.MallIntakeSettings.Change;
import com.mallservicedesk.intake.settings.MallIntakeSettings.Gateway;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a mall's intake settings (stored, else the seed defaults) and stores changes through the kit's aggregate
 * store, each change publishing {@code mall.intake.mall-settings.changed.v1} (contract C1) in the same write. A mall
 * publishes its first such event on its first change; until then every consumer runs on the defaults.
 */
@Service
@EnableConfigurationProperties(IntakeDefaults.class)
public class MallSettings {

    static final Duration MAX_ACCEPTANCE_LIMIT = Duration.ofDays(1);
    static final Duration MAX_DUPLICATE_WINDOW = Duration.ofDays(7);
    /** "Within X minutes" (seed 003 §2): more than a desk day would not be minutes any more. */
    static final Duration MAX_HANDOVER_LIMIT = Duration.ofHours(24);
    static final int MAX_WORKING_DAYS = 30;

    private final AggregateStore<MallIntakeSettings> store;
    private final ReactiveMongoTemplate mongo;
    private final IntakeDefaults defaults;
    private final GatewayUrlPolicy gateways;
    private final Clock clock;
    private final CachedReads<IntakeSettings> cached;

    MallSettings(AggregateStores stores, ReactiveMongoTemplate mongo, IntakeDefaults defaults, GatewayUrlPolicy gateways,
                 Clock clock, ConfigurationChanges changes,
                 @Value("${intake.configuration-cache:PT10M}") Duration cacheFor) {
        this.store = stores.of(MallIntakeSettings.class, "settings");
        this.mongo = mongo;
        this.defaults = defaults;
        this.gateways = gateways;
        this.clock = clock;
        this.cached = changes.cache("mall-settings", cacheFor);
    }

    /**
     * The mall's settings as registrations and event handlers use them: read on every registration, so kept until they
     * change; a change is seen at once on the instance that stored it and within about a second on the others.
     */
    public Mono<IntakeSettings> of(String mallId) {
        return cached.get(mallId, () -> current(mallId));
    }

    /** The mall's settings as stored now; without a gateway of its own, the platform's default gateway. */
    Mono<IntakeSettings> current(String mallId) {
        String defaultGateway = blankToNull(defaults.gatewayUrl());
        // By id alone: documents stored before settings were an aggregate carry no mallId field.
        return mongo.findById(mallId, MallIntakeSettings.class)
                .map(stored -> stored.view(defaults))
                .map(s -> s.gatewayUrl() != null || defaultGateway == null ? s : withGateway(s, defaultGateway))
                .defaultIfEmpty(defaults(mallId, defaultGateway));
    }

    Mono<IntakeSettings> update(String mallId, UpdateSettings body, PlatformUser user) {
        return Mono.defer(() -> {
            ZoneId zone = validZone(body);
            return gateway(body.gatewayUrl(), user).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(gateway -> store(mallId, change(body, zone, gateway.orElse(null)), user.id()));
        }).then(cached.changed(mallId)).then(Mono.defer(() -> current(mallId)));
    }

    private Mono<MallIntakeSettings> store(String mallId, Change change, String by) {
        return adoptStoredBeforeRevisions(mallId)
                .then(store.changeIfPresent(mallId, mallId, s -> s.change(change, defaults, clock.instant(), by)))
                .switchIfEmpty(Mono.defer(() -> store.create(MallIntakeSettings.first(mallId, change, defaults,
                        clock.instant(), by))))
                // Two first changes at once: the one that did not insert changes what the other stored.
                .switchIfEmpty(Mono.defer(() -> store.change(mallId, mallId,
                        s -> s.change(change, defaults, clock.instant(), by))));
    }

    /**
     * Settings stored before they were an aggregate have neither {@code mallId} nor {@code version}: give them both
     * (revision 0), by id and only once, so the store can change them like any other.
     */
    private Mono<Void> adoptStoredBeforeRevisions(String mallId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(mallId).and("version").exists(false)),
                new Update().set("mallId", mallId).set("version", 0L), MallIntakeSettings.COLLECTION).then();
    }

    /** Checks every field at once: 400 {@code validation-failed} naming each wrong one. */
    private ZoneId validZone(UpdateSettings body) {
        var invalid = new FieldErrors();
        if (body.acceptanceLimit().isNegative() || body.acceptanceLimit().isZero()
                || body.acceptanceLimit().compareTo(MAX_ACCEPTANCE_LIMIT) > 0) {
            invalid.add("acceptanceLimit", "out-of-range");
        }
        if (body.duplicateWindow().isNegative() || body.duplicateWindow().compareTo(MAX_DUPLICATE_WINDOW) > 0) {
            invalid.add("duplicateWindow", "out-of-range");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            invalid.add("timeZone", "unknown-time-zone");
        }
        if (body.complaintHandoverLimit() != null && (body.complaintHandoverLimit().isNegative()
                || body.complaintHandoverLimit().isZero()
                || body.complaintHandoverLimit().compareTo(MAX_HANDOVER_LIMIT) > 0)) {
            invalid.add("complaintHandoverLimit", "out-of-range", Map.of("min", "PT1S", "max", "PT24H"));
        }
        workingDays(invalid, "complaintInvestigationDays", body.complaintInvestigationDays());
        workingDays(invalid, "complaintFeedbackDays", body.complaintFeedbackDays());
        workingDays(invalid, "consultationReplyDays", body.consultationReplyDays());
        workingDays(invalid, "suggestionEvaluationDays", body.suggestionEvaluationDays());
        if (body.deskHours() != null) {
            // The zone is the mall's; checked with UTC when the mall's zone itself is wrong.
            body.deskHours().in(zone == null ? ZoneId.of("UTC") : zone).problems("deskHours").asList()
                    .forEach(error -> {
                        Map<String, Object> details = new HashMap<>(error);
                        details.remove("field");
                        details.remove("code");
                        invalid.add((String) error.get("field"), (String) error.get("code"), details);
                    });
        }
        invalid.throwIfAny();
        return zone;
    }

    private static void workingDays(FieldErrors invalid, String field, Integer days) {
        if (days != null && (days < 1 || days > MAX_WORKING_DAYS)) {
            invalid.add(field, "out-of-range", Map.of("min", 1, "max", MAX_WORKING_DAYS));
        }
    }

    private static Change change(UpdateSettings body, ZoneId zone, Gateway gateway) {
        WorkingCalendar deskHours = body.deskHours() == null ? null : body.deskHours().in(zone);
        return new Change(body.acceptanceLimit(), body.duplicateWindow(), zone, body.siteKind(), deskHours,
                body.complaintHandoverLimit(), body.complaintInvestigationDays(), body.complaintFeedbackDays(),
                body.consultationReplyDays(), body.suggestionEvaluationDays(), gateway);
    }

    /**
     * The gateway to store: empty (keep the stored one) when the body names none; otherwise only a manager (within
     * the allow-list) or the platform administrator may change it, to an address the policy accepts.
     */
    private Mono<Gateway> gateway(String requested, PlatformUser user) {
        if (requested == null) {
            return Mono.empty();
        }
        boolean platform = user.has(Role.PLATFORM_ADMIN);
        if (!platform && !user.has(Role.MANAGER)) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "gateway-change-forbidden"));
        }
        if (requested.isEmpty()) {
            return Mono.just(new Gateway(null, null));
        }
        return Mono.fromCallable(() -> gateways.refusalToStore(requested, platform))
                .subscribeOn(Schedulers.boundedElastic())   // the check resolves the host name
                .flatMap(refusal -> refusal.isPresent() ? Mono.error(refused(refusal))
                        : Mono.just(new Gateway(requested, platform)));
    }

    private IntakeSettings defaults(String mallId, String defaultGateway) {
        return new IntakeSettings(mallId, defaults.acceptanceLimit(), defaults.duplicateWindow(), defaultGateway, true,
                defaults.timeZone(), null, null, defaults.siteKind(),
                IntakeSettings.defaultDeskHours(defaults.siteKind(), defaults.timeZone()),
                defaults.complaintHandoverLimit(), defaults.complaintInvestigationDays(),
                defaults.complaintFeedbackDays(), defaults.consultationReplyDays(), defaults.suggestionEvaluationDays(),
                0);
    }

    private static IntakeSettings withGateway(IntakeSettings s, String gateway) {
        return new IntakeSettings(s.mallId(), s.acceptanceLimit(), s.duplicateWindow(), gateway, true, s.timeZone(),
                s.updatedAt(), s.updatedBy(), s.siteKind(), s.deskHours(), s.complaintHandoverLimit(),
                s.complaintInvestigationDays(), s.complaintFeedbackDays(), s.consultationReplyDays(),
                s.suggestionEvaluationDays(), s.revision());
    }

    private static ApiException refused(Optional<String> code) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "gateway-url-refused",
                Map.of("errors", List.of(Map.of("field", "gatewayUrl", "code", code.orElseThrow()))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
