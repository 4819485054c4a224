package com.mallservicedesk.benchmarks.costs;

import com.mallservicedesk.benchmarks.process.PlatformProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the platform has done so far (each service's MongoDB driver command counts, each process's CPU time),
 * so a stage can take a reading before its registrations and turn the difference into {@link RegistrationCosts}.
 */
public final class CostMeter {

    /** Micrometer's MongoDB command timer, as the Prometheus registry writes its count. */
    static final String COMMANDS = "mongodb_driver_commands_seconds_count";
    /** Below this many store commands a second over all services, the platform counts as done with a load. */
    static final double QUIET_COMMANDS_PER_SECOND = 100;
    private static final Duration QUIET_STEP = Duration.ofSeconds(1);
    /** While waiting for quiet, the rate is shown this often. */
    private static final int TELL_EVERY_STEPS = 15;

    /** One reading: each service's counters (empty when not read) and each process's CPU milliseconds. */
    public record Reading(Map<String, Optional<PrometheusCounters>> metrics, Map<PlatformProcess, Long> cpu) {
    }

    private final List<ServiceMetrics> services;
    private final ProcessCpu cpu;

    public CostMeter(List<ServiceMetrics> services, ProcessCpu cpu) {
        this.services = List.copyOf(services);
        this.cpu = cpu;
    }

    /**
     * The five services: intake and dispatch at the benchmarked addresses, the others at their standard ports on
     * intake's host.
     */
    public static CostMeter forPlatform(URI intake, URI dispatch, ProcessCpu cpu) {
        List<ServiceMetrics> services = new ArrayList<>();
        services.add(new ServiceMetrics("intake", intake));
        services.add(new ServiceMetrics("dispatch", dispatch));
        services.add(new ServiceMetrics("callback", withPort(intake, 8083)));
        services.add(new ServiceMetrics("claims", withPort(intake, 8084)));
        services.add(new ServiceMetrics("survey", withPort(intake, 8085)));
        return new CostMeter(services, cpu);
    }

    private static URI withPort(URI address, int port) {
        return URI.create("http://" + address.getHost() + ":" + port);
    }

    public Reading read() {
        Map<PlatformProcess, Long> cpuNow = cpu.read();
        Map<String, Optional<PrometheusCounters>> metrics = new LinkedHashMap<>();
        for (ServiceMetrics service : services) {
            metrics.put(service.service(), service.read());
        }
        return new Reading(metrics, cpuNow);
    }

    /**
     * Waits until the services have finished with earlier work (consumers behind dispatch, background indexing):
     * until they send fewer than {@link #QUIET_COMMANDS_PER_SECOND} store commands a second, at most {@code atMost}.
     *
     * @return whether they became quiet; true at once when no service's counters can be read
     */
    public boolean awaitQuiet(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Optional<Double> last = commandsSoFar();
        int steps = 0;
        while (last.isPresent()) {
            Thread.sleep(QUIET_STEP.toMillis());
            Optional<Double> now = commandsSoFar();
            if (now.isEmpty() || now.get() - last.get() < QUIET_COMMANDS_PER_SECOND * QUIET_STEP.toSeconds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (steps++ % TELL_EVERY_STEPS == 0) {
                System.out.printf("  waiting for the services to finish earlier work (%.0f store commands in the last "
                        + "second)%n", now.get() - last.get());
            }
            last = now;
        }
        return true;
    }

    private Optional<Double> commandsSoFar() {
        double total = 0;
        boolean any = false;
        for (ServiceMetrics service : services) {
            Optional<PrometheusCounters> counters = service.read();
            if (counters.isPresent()) {
                total += counters.get().total(COMMANDS);
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    /** The costs of {@code registrations} made between the reading {@code before} and now. */
    public RegistrationCosts since(Reading before, long stored, int registrations, List<String> notes) {
        return costs(before, read(), stored, registrations, notes);
    }

    static RegistrationCosts costs(Reading before, Reading after, long stored, int registrations,
                                   List<String> notes) {
        Map<String, Map<String, Double>> commands = new LinkedHashMap<>();
        after.metrics().forEach((service, now) -> {
            Optional<PrometheusCounters> then = before.metrics().getOrDefault(service, Optional.empty());
            if (now.isPresent() && then.isPresent() && now.get().has(COMMANDS)) {
                commands.put(service, now.get().since(then.get()).sumBy(COMMANDS, CostMeter::collectionCommand));
            }
        });
        return RegistrationCosts.of(stored, registrations, commands, ProcessCpu.usedBetween(before.cpu(), after.cpu()),
                notes);
    }

    /** {@code requests.insert}; commands without a collection (ping, hello) by their name alone. */
    static String collectionCommand(Map<String, String> labels) {
        String collection = labels.getOrDefault("collection", "");
        String command = labels.getOrDefault("command", "?");
        return collection.isEmpty() || collection.equals("unknown") ? command : collection + "." + command;
    }
}
