package com.mallservicedesk.survey.summary;

import com.mallservicedesk.survey.reception.Counts;
import com.mallservicedesk.survey.reception.ReceptionFigures;
import com.mallservicedesk.survey.report.ReportKinds;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Daily and weekly supervisor summaries from the day figures (a week adds up its seven days, each read by key). */
@Service
public class SupervisorSummaries {

    private static final Set<String> OWN_GROUPS = Set.of("REPAIR", "COMPLAINT");

    private final ReceptionFigures reception;

    SupervisorSummaries(ReceptionFigures reception) {
        this.reception = reception;
    }

    public Mono<SupervisorSummary> daily(String mallId, LocalDate day) {
        return Mono.zip(reception.day(mallId, day), reception.openItems(mallId))
                .map(t -> summary(mallId, day.toString(), day, day, t.getT1(), t.getT2()));
    }

    /** @param week {@code 2026-W48}: Monday to Sunday */
    public Mono<SupervisorSummary> weekly(String mallId, String week) {
        LocalDate monday = ReportKinds.monday(week);
        LocalDate sunday = monday.plusDays(6);
        return Mono.zip(reception.days(mallId, monday, sunday), reception.openItems(mallId))
                .map(t -> summary(mallId, ReportKinds.week(monday), monday, sunday, t.getT1(), t.getT2()));
    }

    private static SupervisorSummary summary(String mallId, String period, LocalDate from, LocalDate to, Counts figures,
                                             Counts open) {
        long completed = figures.get("workOrders.completed");
        long minutes = figures.get("workOrders.workMinutes");
        long openOthers = open.children("requests.byKind").entrySet().stream()
                .filter(e -> !OWN_GROUPS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return new SupervisorSummary(mallId, period, from, to, group(figures, "REPAIR"), group(figures, "COMPLAINT"),
                others(figures), completed, completed == 0 ? null : Math.round(minutes * 10.0 / completed) / 10.0,
                figures.get("complaints.handled"), figures.get("complaints.timely"), figures.get("breaches.total"),
                figures.children("breaches.byRule"), figures.get("escalations.total"), figures.get("claims.opened"),
                new SupervisorSummary.OpenNow(open.get("requests.byKind.REPAIR"), open.get("requests.byKind.COMPLAINT"),
                        openOthers, open.get("workOrders.open"), open.get("workOrders.overdue")));
    }

    private static SupervisorSummary.Group group(Counts figures, String kind) {
        String o = "outcomes." + kind + ".";
        return new SupervisorSummary.Group(figures.get("requests.byKind." + kind), figures.get(o + "ANSWERED_ON_SPOT"),
                figures.get(o + "SATISFIED_CALLBACK"), figures.get(o + "CANCELLED"), figures.get(o + "MERGED"),
                figures.get(o + "OPEN"));
    }

    private static SupervisorSummary.Group others(Counts figures) {
        long[] sums = new long[6];
        figures.children("requests.byKind").forEach((kind, received) -> {
            if (!OWN_GROUPS.contains(kind)) {
                var g = group(figures, kind);
                sums[0] += g.received();
                sums[1] += g.answeredOnSpot();
                sums[2] += g.closedAfterCallback();
                sums[3] += g.cancelled();
                sums[4] += g.merged();
                sums[5] += g.stillOpen();
            }
        });
        return new SupervisorSummary.Group(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
    }
}
