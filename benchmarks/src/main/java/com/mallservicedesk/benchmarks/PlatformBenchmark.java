package com.mallservicedesk.benchmarks;

import com.mallservicedesk.benchmarks.burst.Burst;
import com.mallservicedesk.benchmarks.burst.BurstResult;
import com.mallservicedesk.benchmarks.ceiling.CeilingResult;
import com.mallservicedesk.benchmarks.ceiling.RawCeiling;
import com.mallservicedesk.benchmarks.costs.CostMeter;
import com.mallservicedesk.benchmarks.costs.ServiceMetrics;
import com.mallservicedesk.benchmarks.costs.ProcessCpu;
import com.mallservicedesk.benchmarks.growth.GrowthResult;
import com.mallservicedesk.benchmarks.growth.GrowthStage;
import com.mallservicedesk.benchmarks.growth.ReceptionLogPage;
import com.mallservicedesk.benchmarks.growth.SearchIndexWatch;
import com.mallservicedesk.benchmarks.load.LoadGenerator;
import com.mallservicedesk.benchmarks.load.Places;
import com.mallservicedesk.benchmarks.load.PlatformClient;
import com.mallservicedesk.benchmarks.load.WorkOrderWatch;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import com.mallservicedesk.benchmarks.memory.PlatformMemory;
import com.mallservicedesk.benchmarks.process.PlatformProcesses;
import com.mallservicedesk.benchmarks.rate.RateResult;
import com.mallservicedesk.benchmarks.rate.SustainedRate;
import com.mallservicedesk.benchmarks.report.Results;
import com.mallservicedesk.benchmarks.report.ResultsTable;
import com.mallservicedesk.platform.devtokens.DevelopmentTokens;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Measures a running platform from the outside, as the front desk and dispatch see it, and prints a Markdown table
 * for docs/benchmarks.md: registration and dispatch as the stored data grows, at fixed rates, after a burst; what
 * MongoDB and Kafka take without the services; the platform's memory; what one registration costs each process in
 * store commands and CPU. Every run uses fresh mall ids, so runs never mix with real data. Calls only the addresses
 * given (127.0.0.1 by default) and the services' management ports on intake's host. Usage:
 * {@link BenchmarkOptions#usage()}.
 */
public final class PlatformBenchmark {

    private static final String SECRET = System.getenv().getOrDefault("PLATFORM_JWT_SECRET",
            "mall-service-desk-development-secret-do-not-use-in-production");
    private static final List<String> ROLES = List.of("FRONT_DESK", "SUPERVISOR");
    private static final int WARM_UP_LATENCY_SAMPLES = 20;
    /** How often each growth stage opens the reception log's first page. */
    private static final int LOG_PAGE_CALLS = 20;

    private final BenchmarkOptions options;
    private final String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    private final Places places;
    private final Places warmUpPlaces;
    /** Every mall the run uses: its token names them, and each gets the run's service levels. */
    private final List<String> allMalls;
    private final PlatformClient client;
    private final LoadGenerator load;
    private final WorkOrderWatch watch;
    private final PlatformMemory memory;
    /** Null with --no-costs. */
    private final CostMeter costs;
    private final Path output;

    private final List<GrowthResult> growth = new ArrayList<>();
    private final List<RateResult> rates = new ArrayList<>();
    private BurstResult burst;
    private CeilingResult ceiling;

    private PlatformBenchmark(BenchmarkOptions options) {
        this.options = options;
        String number = "BM%s-%0" + Math.max(2, String.valueOf(options.malls()).length()) + "d";
        places = new Places(IntStream.rangeClosed(1, options.malls()).mapToObj(i -> number.formatted(run, i)).toList());
        warmUpPlaces = new Places(List.of("BM" + run + "-WARM"));
        allMalls = Stream.concat(places.malls().stream(), warmUpPlaces.malls().stream()).toList();
        // Every mall, as a platform operator's token has it: hundreds of mall ids would outgrow a request header.
        String token = DevelopmentTokens.mint(SECRET, "benchmark", "Benchmark", List.of("*"), ROLES, null,
                Duration.ofHours(24));
        client = new PlatformClient(options.intake(), options.dispatch(), token);
        load = new LoadGenerator(client);
        watch = new WorkOrderWatch(client, options.patience());
        var processes = new PlatformProcesses(URI.create(options.intake()).getPort());
        memory = new PlatformMemory(processes);
        costs = options.costs() ? CostMeter.forPlatform(URI.create(options.intake()), URI.create(options.dispatch()),
                new ProcessCpu(processes)) : null;
        output = options.output() != null ? options.output() : defaultOutput();
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(BenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.usage());
            return;
        }
        var benchmark = new PlatformBenchmark(options);
        int exitCode;
        try {
            exitCode = benchmark.run();
        } catch (IllegalStateException e) {
            System.err.println("Benchmark stopped: " + e.getMessage());
            benchmark.save();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private int run() throws InterruptedException {
        if (!client.reachable()) {
            System.err.println("Intake (" + options.intake() + ") or dispatch (" + options.dispatch()
                    + ") does not answer its health check: start the platform first (deploy/run-local.sh).");
            return 1;
        }
        System.out.printf("Run %s: malls %s … %s, %d cores; %s%n", run, places.malls().get(0),
                places.malls().get(places.malls().size() - 1), Runtime.getRuntime().availableProcessors(),
                memory.read().describe());
        setServiceLevels();
        warmUp();
        try (var searchIndex = SearchIndexWatch.of(new ServiceMetrics("intake", URI.create(options.intake())))) {
            var growthStage = new GrowthStage(load, watch, memory, places, new GrowthStage.Settings(
                    options.requests(), options.concurrency(), options.loadConcurrency(), options.latencySamples()),
                    costs, searchIndex, new ReceptionLogPage(client, LOG_PAGE_CALLS));
            for (long stored : options.growth()) {
                growth.add(growthStage.run(stored));
                save();
            }
        }
        var sustained = new SustainedRate(load, watch, memory, places, options.maxInFlight());
        for (int rate : options.rates()) {
            rates.add(sustained.run(rate, options.duration()));
            save();
        }
        if (options.burst() > 0) {
            burst = new Burst(load, watch, memory, places).run(options.burst(), options.burstConcurrency());
            save();
        }
        if (options.ceiling() > 0) {
            try {
                ceiling = new RawCeiling(options.mongodb(), options.kafka()).run(options.ceiling(), options.concurrency());
            } catch (IllegalStateException e) {
                System.out.println("Raw ceiling not measured: " + e.getMessage());
            }
        }
        System.out.println("Finally: " + memory.read().describe());
        String table = save();
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("Also written to " + output);
        return 0;
    }

    /** The longest service levels for the benchmark's malls, unless --default-service-levels. */
    private void setServiceLevels() throws InterruptedException {
        if (options.defaultServiceLevels()) {
            System.out.println("Service levels: the malls' defaults (an order breaches 5 minutes after it opens)");
            return;
        }
        try {
            for (String mall : allMalls) {
                client.setLongestServiceLevels(mall);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not set the malls' service levels: " + e.getMessage(), e);
        }
        System.out.println("Service levels: the longest a mall may set (dispatch within a day), so the orders the "
                + "benchmark never works on do not breach while it measures");
    }

    private void warmUp() throws InterruptedException {
        if (options.warmUp() == 0) {
            return;
        }
        System.out.printf("Warm-up: %d requests in %s, not reported%n", options.warmUp(), warmUpPlaces.malls().get(0));
        var sent = load.closedLoop(warmUpPlaces, options.warmUp(), options.concurrency(), null);
        if (sent.failed() > 0) {
            System.out.println("  failed during the warm-up: " + sent.failureText());
        }
        if (sent.registrations().isEmpty()) {
            throw new IllegalStateException("intake registered none of the warm-up requests");
        }
        watch.awaitCaughtUp(sent.registrations(), "dispatch catching up with the warm-up");
        watch.visibleLatency(warmUpPlaces, WARM_UP_LATENCY_SAMPLES);
    }

    /** Writes the table so far, so a long run that is stopped keeps what it measured. */
    private String save() {
        String table = ResultsTable.markdown(new Results(heading(), growth, rates, burst, ceiling, memory.peak()));
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, table);
        } catch (IOException e) {
            System.err.println("Could not write " + output + ": " + e);
        }
        return table;
    }

    private String heading() {
        long machineBytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return ("Benchmark run %s on %s: %d cores, %s memory; requests spread over %d malls × 8 floors × 6 zones; "
                + "%s service levels.").formatted(run, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                MemoryReading.gib(machineBytes), options.malls(),
                options.defaultServiceLevels() ? "the malls' default" : "the longest");
    }

    /** benchmarks/target next to this class's build output, or the working directory. */
    private static Path defaultOutput() {
        String name = "benchmark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md";
        try {
            Path classes = Path.of(PlatformBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getParent() != null) {
                return classes.getParent().resolve(name);
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of(name);
    }
}
