package com.mallservicedesk.benchmarks.costs;

import com.mallservicedesk.benchmarks.process.PlatformProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one registration cost in one growth stage, per process: the store commands each service sent and the CPU
 * each process used while the stage's registrations were made and handled, divided by the registrations.
 *
 * @param processes the services in platform order, then the store and Kafka
 * @param notes     what was not measured and why, or what else a reader should know: sentences without the period
 */
public record RegistrationCosts(long stored, int registrations, List<ProcessCost> processes, List<String> notes) {

    public static final List<String> SERVICES = List.of("intake", "dispatch", "callback", "claims", "survey");
    /** Commands below this per registration are background work, not part of a registration: not named. */
    static final double SMALLEST_NAMED = 0.005;
    static final int TOP_COMMANDS = 5;

    /** One command (collection.command) and how often it ran per registration. */
    public record Command(String name, double perRegistration) {
    }

    /**
     * One row. Null figures were not measured.
     *
     * @param commands    store commands per registration: a service's own, for the store those of all services
     * @param cpuMillis   CPU milliseconds per registration, all instances of the process together
     * @param topCommands the most frequent commands, at most {@link #TOP_COMMANDS}
     * @param moreCommands whether more commands than those named ran at least {@link #SMALLEST_NAMED} times
     */
    public record ProcessCost(String process, Double commands, Double cpuMillis, List<Command> topCommands,
                              boolean moreCommands) {

        public ProcessCost {
            topCommands = List.copyOf(topCommands);
        }
    }

    public RegistrationCosts {
        processes = List.copyOf(processes);
        notes = List.copyOf(notes);
    }

    /**
     * Divides the increases of one stage by its registrations.
     *
     * @param commands  by service (absent: its metrics were not read), the increase of each collection.command
     * @param cpuMillis by process name, the CPU milliseconds used (absent: the process was not found)
     * @param notes     what the stage knows about the reading (see the record's notes)
     */
    public static RegistrationCosts of(long stored, int registrations, Map<String, Map<String, Double>> commands,
                                       Map<String, Long> cpuMillis, List<String> notes) {
        if (registrations <= 0) {
            throw new IllegalArgumentException("no registrations to divide by");
        }
        List<ProcessCost> rows = new ArrayList<>();
        Map<String, Double> storeCommands = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, Double> own = commands.get(service);
            if (own != null) {
                own.forEach((command, count) -> storeCommands.merge(service + "/" + command, count, Double::sum));
            }
            rows.add(row(service, own, cpuMillis.get(service), registrations));
        }
        boolean anyService = SERVICES.stream().anyMatch(commands::containsKey);
        rows.add(row(PlatformProcess.STORE, anyService ? storeCommands : null, cpuMillis.get(PlatformProcess.STORE),
                registrations));
        rows.add(row(PlatformProcess.KAFKA, null, cpuMillis.get(PlatformProcess.KAFKA), registrations));

        List<String> allNotes = new ArrayList<>(notes);
        List<String> unread = SERVICES.stream().filter(service -> !commands.containsKey(service)).toList();
        if (!unread.isEmpty()) {
            allNotes.add("Store commands not read from " + String.join(", ", unread)
                    + " (management port not reachable, or no MongoDB driver timer)");
        }
        if (cpuMillis.isEmpty()) {
            allNotes.add("CPU not measured: no platform processes found on this machine (a remote platform?)");
        } else {
            List<String> unseen = rows.stream().filter(row -> row.cpuMillis() == null).map(ProcessCost::process)
                    .toList();
            if (!unseen.isEmpty()) {
                allNotes.add("CPU not measured for " + String.join(", ", unseen)
                        + ": no such process found on this machine");
            }
        }
        return new RegistrationCosts(stored, registrations, rows, allNotes);
    }

    private static ProcessCost row(String process, Map<String, Double> commands, Long cpuMillis, int registrations) {
        Double cpu = cpuMillis == null ? null : cpuMillis / (double) registrations;
        if (commands == null) {
            return new ProcessCost(process, null, cpu, List.of(), false);
        }
        double total = commands.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Command> named = commands.entrySet().stream()
                .map(e -> new Command(e.getKey(), e.getValue() / registrations))
                .filter(command -> command.perRegistration() >= SMALLEST_NAMED)
                .sorted(Comparator.comparingDouble(Command::perRegistration).reversed()
                        .thenComparing(Command::name))
                .toList();
        return new ProcessCost(process, total / registrations, cpu,
                named.subList(0, Math.min(TOP_COMMANDS, named.size())), named.size() > TOP_COMMANDS);
    }

    /** Whether any process's CPU was measured: the table leaves the column out otherwise. */
    public boolean cpuMeasured() {
        return processes.stream().anyMatch(row -> row.cpuMillis() != null);
    }

    /** CPU milliseconds per registration of all platform processes measured, together. */
    public double cpuMillisTotal() {
        return processes.stream().map(ProcessCost::cpuMillis).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
    }

    /** "12.05 store commands and 20.30 ms CPU per registration (2,000 registrations at 0 stored)" */
    public String line() {
        Double commands = processes.stream().filter(row -> row.process().equals(PlatformProcess.STORE))
                .map(ProcessCost::commands).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> figures = new ArrayList<>();
        if (commands != null) {
            figures.add("%.2f store commands".formatted(commands));
        }
        if (cpuMeasured()) {
            figures.add("%.2f ms CPU".formatted(cpuMillisTotal()));
        }
        String stage = "(%,d registrations at %,d stored)".formatted(registrations, stored);
        return figures.isEmpty() ? "nothing measured " + stage : String.join(" and ", figures) + " per registration "
                + stage;
    }
}
