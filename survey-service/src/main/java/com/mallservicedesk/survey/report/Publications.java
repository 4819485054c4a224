package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Plans report publications and publishes them when their timer fires or someone asks. */
@Service
public class Publications {

    private final AggregateStore<ReportPublication> store;
    private final Map<String, PublicationFigures> figures;
    private final Clock clock;

    Publications(AggregateStores stores, List<PublicationFigures> figures, Clock clock) {
        this.store = stores.of(ReportPublication.class, "report-publication");
        this.figures = figures.stream().collect(Collectors.toMap(PublicationFigures::kind, Function.identity()));
        this.clock = clock;
    }

    /** Idempotent: a period is planned once (read by key first, so a planned period costs no write). */
    Mono<Void> plan(String mallId, String kind, String period, Instant dueAt) {
        String id = ReportPublication.idFor(kind, mallId, period);
        return store.findIfPresent(mallId, id)
                .flatMap(existing -> existing.planned() ? Mono.just(existing)
                        : store.changeIfPresent(mallId, id, p -> p.planIfUnplanned(dueAt)))
                .switchIfEmpty(Mono.defer(() -> store.create(ReportPublication.plan(mallId, kind, period, dueAt))))
                .then();
    }

    /** Publishes the period's figures now (a new revision if they changed since the last publication). */
    public Mono<ReportPublication> publish(String mallId, String kind, String period) {
        String id = ReportPublication.idFor(kind, mallId, period);
        return store.create(ReportPublication.plan(mallId, kind, period, null))
                .then(figuresOf(kind).figures(mallId, period))
                .flatMap(f -> store.change(mallId, id, p -> p.publish(f, clock.instant())));
    }

    Mono<Void> fire(String mallId, String publicationId) {
        return store.findIfPresent(mallId, publicationId)
                .flatMap(p -> figuresOf(p.getKind()).figures(mallId, p.getPeriod()))
                .flatMap(f -> store.changeIfPresent(mallId, publicationId, p -> p.publish(f, clock.instant())))
                .then();
    }

    private PublicationFigures figuresOf(String kind) {
        PublicationFigures f = figures.get(kind);
        if (f == null) {
            throw ApiException.badRequest("report-kind-unknown", kind);
        }
        return f;
    }
}
