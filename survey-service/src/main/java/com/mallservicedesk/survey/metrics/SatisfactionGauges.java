package com.mallservicedesk.survey.metrics;

import com.mallservicedesk.platform.observability.GaugeTable;
import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.survey.campaign.LatestSurveyResults;
import com.mallservicedesk.survey.reception.Counts;
import com.mallservicedesk.survey.reception.ReceptionFigures;
import com.mallservicedesk.survey.report.MonthlyReports;
import com.mallservicedesk.survey.satisfaction.CallbackFigures;
import com.mallservicedesk.survey.satisfaction.CallbackStatistics;
import com.mallservicedesk.survey.satisfaction.MonthlySatisfaction;
import com.mallservicedesk.survey.satisfaction.SatisfactionTally;
import com.mallservicedesk.survey.settings.KnownMalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per-mall gauges of the current month (in each mall's zone) from the stored figures, so every instance reports the
 * same and a restart loses nothing: callback satisfaction by the respondent formula (ratio 0..1), answered callbacks,
 * callback-service's callback rate (ratio) and its completions needing a callback. A refresh reads each figure by key
 * for a hundred malls at once; a mall without data in the month has no series (no made-up zeros for the alerts). The
 * KPIs of seed 003 §監控指標 from intake (contract C6): complaint handling timeliness and consultation reply accuracy
 * (ratios) with the counts they divide.
 */
@Component
class SatisfactionGauges implements SmartLifecycle {

    private final KnownMalls malls;
    private final MonthlyReports months;
    private final SatisfactionTally satisfaction;
    private final CallbackStatistics callbacks;
    private final LatestSurveyResults surveys;
    private final GaugeTable satisfactionRatio;
    private final GaugeTable surveySatisfaction;
    private final GaugeTable respondents;
    private final GaugeTable callbackRate;
    private final GaugeTable needingCallback;
    private final ReceptionFigures reception;
    private final GaugeTable complaintTimeliness;
    private final GaugeTable complaintsConcluded;
    private final GaugeTable replyAccuracy;
    private final GaugeTable consultationsReviewed;
    private final PollingLoop loop;

    /** Malls read together: a few thousand keys per read at most (a month's days for each). */
    static final int MALLS_PER_READ = 100;

    SatisfactionGauges(KnownMalls malls, MonthlyReports months, SatisfactionTally satisfaction,
                       CallbackStatistics callbacks, LatestSurveyResults surveys, ReceptionFigures reception,
                       MeterRegistry meters, @Value("${survey.metrics.refresh-interval:PT30S}") Duration interval) {
        this.reception = reception;
        this.complaintTimeliness = GaugeTable.builder("msd.survey.kpi.complaint.timeliness").baseUnit("ratio")
                .description("Complaints concluded this month with every clock of the complaint register met ÷ "
                        + "complaints concluded (seed 003 §監控指標)").register(meters);
        this.complaintsConcluded = GaugeTable.builder("msd.survey.kpi.complaints.concluded")
                .description("Complaints concluded this month (seed 003 §監控指標)").register(meters);
        this.replyAccuracy = GaugeTable.builder("msd.survey.kpi.consultation.accuracy").baseUnit("ratio")
                .description("Consultation replies found correct this month ÷ replies checked (seed 003 §監控指標)")
                .register(meters);
        this.consultationsReviewed = GaugeTable.builder("msd.survey.kpi.consultations.reviewed")
                .description("Consultation replies checked this month (seed 003 §監控指標)").register(meters);
        this.malls = malls;
        this.months = months;
        this.satisfaction = satisfaction;
        this.callbacks = callbacks;
        this.surveys = surveys;
        this.surveySatisfaction = GaugeTable.builder("msd.survey.campaign.satisfaction").baseUnit("ratio")
                .description("Overall satisfaction of the mall's latest closed half-yearly survey (seed 000 §4.5.1)")
                .register(meters);
        this.satisfactionRatio = GaugeTable.builder("msd.survey.callback.satisfaction").baseUnit("ratio")
                .description("Callback satisfaction this month: mean of the respondents' satisfied ÷ surveyed aspects "
                        + "(seed 000 §4.5.1)").register(meters);
        this.respondents = GaugeTable.builder("msd.survey.callback.respondents")
                .description("Answered callbacks this month").register(meters);
        this.callbackRate = GaugeTable.builder("msd.survey.callback.rate").baseUnit("ratio")
                .description("Callback rate this month as callback-service reports it").register(meters);
        this.needingCallback = GaugeTable.builder("msd.survey.callback.completions")
                .description("Completions needing a callback this month, as callback-service reports them").register(meters);
        this.loop = new PollingLoop("Survey gauges", interval, Flux.just(Boolean.TRUE), this::refresh);
    }

    /**
     * The malls' rows: each figure read for all of them at once, by key, each mall in its own current month. Read per
     * mall and figure, a refresh cost five reads per mall: 2,500 every 30 s for 500 malls, busy or not.
     */
    private Flux<MallRow> rows(List<String> mallIds) {
        return Flux.fromIterable(mallIds)
                .concatMap(mallId -> months.currentMonth(mallId).map(month -> Map.entry(mallId, month)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(monthOfMall -> Mono.zip(satisfaction.months(monthOfMall), callbacks.months(monthOfMall),
                        surveys.of(monthOfMall.keySet()), reception.months(monthOfMall)))
                .flatMapMany(read -> Flux.fromIterable(mallIds).map(mallId -> new MallRow(mallId,
                        read.getT1().get(mallId), read.getT2().get(mallId),
                        read.getT3().getOrDefault(mallId, new LatestSurveyResults.Latest(mallId, null, null, null, null)),
                        read.getT4().get(mallId))));
    }

    private record MallRow(String mallId, MonthlySatisfaction answers, CallbackFigures figures,
                           LatestSurveyResults.Latest survey, Counts reception) {
    }

    Mono<Void> refresh() {
        return malls.all()
                .buffer(MALLS_PER_READ)
                .concatMap(this::rows)
                .collectList()
                .doOnNext(rows -> {
                    List<GaugeTable.Row> s = new ArrayList<>();
                    List<GaugeTable.Row> n = new ArrayList<>();
                    List<GaugeTable.Row> rate = new ArrayList<>();
                    List<GaugeTable.Row> needing = new ArrayList<>();
                    List<GaugeTable.Row> survey = new ArrayList<>();
                    List<GaugeTable.Row> timeliness = new ArrayList<>();
                    List<GaugeTable.Row> concluded = new ArrayList<>();
                    List<GaugeTable.Row> accuracy = new ArrayList<>();
                    List<GaugeTable.Row> reviewed = new ArrayList<>();
                    for (MallRow row : rows) {
                        Tags mall = Tags.of("mall", row.mallId());
                        long complaints = row.reception().get("kpi.complaints.concluded");
                        if (complaints > 0) {
                            concluded.add(GaugeTable.Row.of(mall, complaints));
                            timeliness.add(GaugeTable.Row.of(mall,
                                    (double) row.reception().get("kpi.complaints.onTime") / complaints));
                        }
                        long replies = row.reception().get("kpi.consultations.reviewed");
                        if (replies > 0) {
                            reviewed.add(GaugeTable.Row.of(mall, replies));
                            accuracy.add(GaugeTable.Row.of(mall,
                                    (double) row.reception().get("kpi.consultations.correct") / replies));
                        }
                        if (row.answers().satisfactionRatio() != null) {
                            s.add(GaugeTable.Row.of(mall, row.answers().satisfactionRatio()));
                            n.add(GaugeTable.Row.of(mall, row.answers().callbacks()));
                        }
                        if (row.survey().ratio() != null) {
                            survey.add(GaugeTable.Row.of(Tags.of("mall", row.mallId(), "period", row.survey().period()),
                                    row.survey().ratio()));
                        }
                        if (row.figures().reported()) {
                            needing.add(GaugeTable.Row.of(mall, row.figures().completionsNeedingCallback()));
                            if (row.figures().callbackRatio() != null) {
                                rate.add(GaugeTable.Row.of(mall, row.figures().callbackRatio()));
                            }
                        }
                    }
                    satisfactionRatio.set(s);
                    respondents.set(n);
                    callbackRate.set(rate);
                    needingCallback.set(needing);
                    surveySatisfaction.set(survey);
                    complaintTimeliness.set(timeliness);
                    complaintsConcluded.set(concluded);
                    replyAccuracy.set(accuracy);
                    consultationsReviewed.set(reviewed);
                })
                .then();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
