package com.mallservicedesk.survey.report;

import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import com.mallservicedesk.survey.reception.Counts;
import com.mallservicedesk.survey.reception.ReceptionFigures;
import com.mallservicedesk.survey.satisfaction.CallbackFigures;
import com.mallservicedesk.survey.satisfaction.CallbackStatistics;
import com.mallservicedesk.survey.satisfaction.MonthlySatisfaction;
import com.mallservicedesk.survey.satisfaction.SatisfactionTally;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles a mall's monthly reception report from figures kept by key: the month's and the previous month's
 * reception figures, the open items now, callback-service's statistics and survey's callback satisfaction. Seven
 * reads by key, however many events the month had.
 */
@Service
public class MonthlyReports {

    private final ReceptionFigures reception;
    private final CallbackStatistics callbackStatistics;
    private final SatisfactionTally satisfaction;
    private final MallSettings settings;
    private final Clock clock;

    MonthlyReports(ReceptionFigures reception, CallbackStatistics callbackStatistics, SatisfactionTally satisfaction,
                   MallSettings settings, Clock clock) {
        this.reception = reception;
        this.callbackStatistics = callbackStatistics;
        this.satisfaction = satisfaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** The month now in the mall's zone. */
    public Mono<YearMonth> currentMonth(String mallId) {
        return settings.zoneOf(mallId).map(zone -> YearMonth.from(clock.instant().atZone(zone)));
    }

    /** Today in the mall's zone. */
    public Mono<java.time.LocalDate> today(String mallId) {
        return settings.zoneOf(mallId).map(zone -> clock.instant().atZone(zone).toLocalDate());
    }

    public Mono<MonthlyReport> report(String mallId, YearMonth month) {
        return Mono.zip(settings.zoneOf(mallId), reception.month(mallId, month), reception.month(mallId, month.minusMonths(1)),
                        reception.openItems(mallId), callbackStatistics.month(mallId, month, null),
                        satisfaction.month(mallId, month))
                .map(t -> assemble(mallId, month, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6()));
    }

    private MonthlyReport assemble(String mallId, YearMonth month, ZoneId zone, Counts figures, Counts previous,
                                   Counts open, CallbackFigures callbacks, MonthlySatisfaction answers) {
        var requests = new MonthlyReport.Requests(figures.get("requests.total"), previous.get("requests.total"),
                figures.children("requests.byChannel"), figures.children("requests.byKind"),
                figures.grid("requests.byChannelKind"));
        long handled = figures.get("complaints.handled");
        long timely = figures.get("complaints.timely");
        var complaints = new MonthlyReport.Complaints(figures.get("requests.byKind.COMPLAINT"),
                figures.get("outcomes.COMPLAINT.ANSWERED_ON_SPOT"), figures.get("outcomes.COMPLAINT.SATISFIED_CALLBACK"),
                figures.get("outcomes.COMPLAINT.CANCELLED"), figures.get("outcomes.COMPLAINT.MERGED"),
                figures.get("outcomes.COMPLAINT.OPEN"), handled, timely, SatisfactionFormulas.percent(timely, handled));
        var serviceLevels = new MonthlyReport.ServiceLevels(figures.get("breaches.total"), figures.children("breaches.byRule"),
                figures.children("breaches.byDepartment"), figures.grid("breaches.byRuleDepartment"),
                figures.get("escalations.total"));
        var byDepartment = new TreeMap<String, MonthlyReport.DepartmentWork>();
        figures.grid("workOrders.byDepartment").forEach((department, values) -> {
            long completed = values.getOrDefault("completed", 0L);
            if (completed > 0) {
                byDepartment.put(department, new MonthlyReport.DepartmentWork(completed,
                        average(values.getOrDefault("workMinutes", 0L), completed)));
            }
        });
        long completed = figures.get("workOrders.completed");
        var workTime = new MonthlyReport.WorkTime(completed, average(figures.get("workOrders.workMinutes"), completed),
                byDepartment, figures.get("workOrders.reopened"));
        var callbackSection = new MonthlyReport.Callbacks(callbacks.reported(), callbacks.completionsNeedingCallback(),
                callbacks.callbacksDone(), callbacks.callbacksOnTime(), callbacks.callbackRate(),
                callbacks.callbackRateTarget(), met(callbacks.callbackRateMet(), callbacks.callbackRate(),
                callbacks.callbackRateTarget()),
                callbacks.satisfactionRate(), callbacks.satisfactionRateTarget(),
                met(callbacks.satisfactionRateMet(), callbacks.satisfactionRate(), callbacks.satisfactionRateTarget()),
                callbacks.timelinessRate(), callbacks.attitudeRate(), callbacks.qualityRate(), callbacks.unreachable(),
                answers.callbacks(), answers.satisfactionRate(), answers.allAspectsSatisfiedRate());
        var openByDepartment = new TreeMap<String, MonthlyReport.DepartmentOpen>();
        var departments = new TreeSet<>(open.grid("workOrders.byDepartment").keySet());
        for (String department : departments) {
            Map<String, Long> values = open.grid("workOrders.byDepartment").get(department);
            long o = values.getOrDefault("open", 0L);
            if (o > 0) {
                openByDepartment.put(department, new MonthlyReport.DepartmentOpen(o, values.getOrDefault("overdue", 0L)));
            }
        }
        var openItems = new MonthlyReport.OpenItems(openRequests(figures),
                figures.get("workOrders.stillOpen"), figures.get("workOrders.stillOverdue"), open.get("requests.open"),
                open.get("workOrders.open"), open.get("workOrders.overdue"), open.get("claims.open"), openByDepartment);
        var claims = new MonthlyReport.Claims(figures.get("claims.opened"), figures.get("claims.settled"),
                figures.get("claims.closedWithoutClaim"), open.get("claims.open"));
        var kpis = MonthlyReport.Kpis.of(figures.get("kpi.complaints.concluded"), figures.get("kpi.complaints.onTime"),
                figures.get("kpi.consultations.reviewed"), figures.get("kpi.consultations.correct"));
        var report = new MonthlyReport(mallId, month.toString(), zone.getId(), clock.instant(), requests, complaints,
                serviceLevels, workTime, callbackSection, openItems, claims, kpis, List.of());
        return report.withAnalysis(MonthlyAnalysis.of(report));
    }

    /** Requests received in the month that are still open, over all kinds. */
    private static long openRequests(Counts figures) {
        long sum = 0;
        for (Map.Entry<String, Map<String, Long>> kind : figures.grid("outcomes").entrySet()) {
            sum += kind.getValue().getOrDefault("OPEN", 0L);
        }
        return sum;
    }

    private static Boolean met(Boolean reported, Double rate, Double target) {
        if (reported != null) {
            return reported;
        }
        return rate == null || target == null ? null : rate >= target;
    }

    private static Double average(long total, long count) {
        return count == 0 ? null : Math.round(total * 10.0 / count) / 10.0;
    }

    static Map<String, Long> ordered(Map<String, Long> values) {
        var result = new LinkedHashMap<String, Long>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
