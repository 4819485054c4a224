package com.mallservicedesk.benchmarks.growth;

import com.mallservicedesk.benchmarks.costs.CostMeter;
import com.mallservicedesk.benchmarks.costs.RegistrationCosts;
import com.mallservicedesk.benchmarks.load.LoadGenerator;
import com.mallservicedesk.benchmarks.load.Places;
import com.mallservicedesk.benchmarks.load.Progress;
import com.mallservicedesk.benchmarks.load.Registration;
import com.mallservicedesk.benchmarks.load.WorkOrderWatch;
import com.mallservicedesk.benchmarks.memory.PlatformMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the growth curve: fills the benchmark's malls through the API up to a number of stored requests,
 * waits until dispatch has caught up, then measures registration throughput (closed loop) and, one request at a
 * time, the way from intake's 201 to the work order in dispatch. With a cost meter, it also reads what the measured
 * registrations cost each process, from a quiet platform before them until the platform is quiet after them. Last,
 * it times the first page of a mall's reception log.
 */
public final class GrowthStage {

    /** Shortfalls after failed registrations are loaded again, this often at most. */
    private static final int LOAD_ATTEMPTS = 3;
    /**
     * The consumers behind dispatch (survey, callback) may still be working off a large load when dispatch has caught
     * up; the measured registrations wait for them this long at most, so their backlog is not counted as the
     * registrations' cost.
     */
    private static final Duration EARLIER_WORK_AT_MOST = Duration.ofMinutes(15);
    /** After the measured registrations, their own follow-up work gets this long to finish. */
    private static final Duration FOLLOW_UP_AT_MOST = Duration.ofMinutes(2);

    public record Settings(int requests, int concurrency, int loadConcurrency, int latencySamples) {
    }

    private final LoadGenerator load;
    private final WorkOrderWatch watch;
    private final PlatformMemory memory;
    private final Places places;
    private final Settings settings;
    private final CostMeter costs;
    private final SearchIndexWatch searchIndex;
    private final ReceptionLogPage logPage;
    /** Requests registered in the benchmark's malls so far. */
    private long stored;

    /**
     * @param costs       reads store commands and CPU around the measured registrations; null skips that
     * @param searchIndex reads how far the free-text index falls behind; null skips that
     * @param logPage     times the reception log's first page; null skips that
     */
    public GrowthStage(LoadGenerator load, WorkOrderWatch watch, PlatformMemory memory, Places places,
                       Settings settings, CostMeter costs, SearchIndexWatch searchIndex, ReceptionLogPage logPage) {
        this.load = load;
        this.watch = watch;
        this.memory = memory;
        this.places = places;
        this.settings = settings;
        this.costs = costs;
        this.searchIndex = searchIndex;
        this.logPage = logPage;
    }

    /** Loads the benchmark's malls up to {@code target} stored requests (unless they hold more), then measures. */
    public GrowthResult run(long target) throws InterruptedException {
        if (searchIndex != null) {
            searchIndex.take(); // what came before this stage is not its own
        }
        if (target > stored) {
            stored += fill(target - stored);
        }
        System.out.printf("Measuring at %,d stored requests: %d registrations, %d concurrent%n", stored,
                settings.requests(), settings.concurrency());
        List<String> costNotes = new ArrayList<>();
        CostMeter.Reading before = null;
        if (costs != null) {
            if (!costs.awaitQuiet(EARLIER_WORK_AT_MOST)) {
                costNotes.add("The services were still busy with earlier work when the measured registrations began: "
                        + "some of it is counted");
            }
            before = costs.read();
        }
        var measured = load.closedLoop(places, settings.requests(), settings.concurrency(), null);
        watch.awaitCaughtUp(measured.registrations(), "dispatch catching up with the measured registrations");
        RegistrationCosts registrationCosts = null;
        if (costs != null && !measured.registrations().isEmpty()) {
            if (!costs.awaitQuiet(FOLLOW_UP_AT_MOST)) {
                costNotes.add("The services were still busy 2 minutes after dispatch had caught up: what they did "
                        + "later is not counted");
            }
            registrationCosts = costs.since(before, stored, measured.registrations().size(), costNotes);
        }
        System.out.printf("Measuring 201 → work order, %d requests one at a time%n", settings.latencySamples());
        var toWorkOrder = watch.visibleLatency(places, settings.latencySamples());
        var firstLogPage = logPage == null ? null : logPage.measure(places.malls().get(0));
        long storedBefore = stored;
        stored += measured.registrations().size() + toWorkOrder.count();
        var result = new GrowthResult(storedBefore, settings.requests(), settings.concurrency(), measured.perSecond(),
                measured.failed(), measured.failureText(), measured.latencies().summary(), toWorkOrder.summary(),
                memory.read(), registrationCosts, searchIndex == null ? null : searchIndex.take().orElse(null),
                firstLogPage);
        System.out.println("Growth: " + result.line());
        if (registrationCosts != null) {
            System.out.println("Costs: " + registrationCosts.line());
        }
        if (result.searchIndex() != null) {
            System.out.println("Free-text index: " + result.searchIndex().brief());
        }
        return result;
    }

    private long fill(long count) throws InterruptedException {
        System.out.printf("Loading %,d requests into %d malls (%d concurrent)%n", count, places.malls().size(),
                settings.loadConcurrency());
        List<Registration> loaded = new ArrayList<>();
        long missing = count;
        try (var progress = new Progress("loading", "requests", count)) {
            for (int attempt = 0; attempt < LOAD_ATTEMPTS && missing > 0; attempt++) {
                var result = load.closedLoop(places, (int) missing, settings.loadConcurrency(), progress);
                loaded.addAll(result.registrations());
                missing -= result.registrations().size();
                if (result.failed() > 0) {
                    System.out.println("  failed while loading: " + result.failureText());
                }
            }
        }
        if (missing > 0) {
            throw new IllegalStateException("intake refused " + missing + " of the requests to load");
        }
        watch.awaitCaughtUp(loaded, "dispatch catching up with the load");
        System.out.println("  " + memory.read().describe());
        return loaded.size();
    }
}
