package com.mallservicedesk.benchmarks.report;

import com.mallservicedesk.benchmarks.costs.RegistrationCosts;
import com.mallservicedesk.benchmarks.costs.RegistrationCosts.Command;
import com.mallservicedesk.benchmarks.costs.RegistrationCosts.ProcessCost;
import com.mallservicedesk.benchmarks.process.PlatformProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Markdown table of what one registration costs each process in one growth stage. */
public final class CostsTable {

    private CostsTable() {
    }

    public static String markdown(RegistrationCosts costs) {
        boolean cpu = costs.cpuMeasured();
        var table = new StringBuilder();
        table.append("What one registration costs, %,d stored: %,d registrations; store commands as each service's "
                .formatted(costs.stored(), costs.registrations()))
                .append("MongoDB driver counted them")
                .append(cpu ? ", CPU as user + system time in /proc" : "")
                .append(", from just before the first registration until dispatch had caught up and the services ")
                .append("were quiet (dispatch's figures include the benchmark's look-ups while it waited).\n\n");
        List<String> columns = new ArrayList<>(List.of("process", "store commands / registration"));
        if (cpu) {
            columns.add("CPU ms / registration");
        }
        columns.add("top commands / registration");
        row(table, columns);
        table.append("|").append("---|".repeat(columns.size())).append('\n');
        for (ProcessCost process : costs.processes()) {
            List<String> cells = new ArrayList<>(List.of(process.process(), commands(process)));
            if (cpu) {
                cells.add(process.cpuMillis() == null ? "not found" : "%.2f".formatted(process.cpuMillis()));
            }
            cells.add(top(process));
            row(table, cells);
        }
        if (cpu) {
            table.append("\nAll processes measured together: %.2f ms CPU per registration.\n"
                    .formatted(costs.cpuMillisTotal()));
        }
        for (String note : costs.notes()) {
            table.append('\n').append(note).append(".\n");
        }
        return table.toString();
    }

    private static String commands(ProcessCost process) {
        if (process.process().equals(PlatformProcess.KAFKA)) {
            return "—";
        }
        if (process.commands() == null) {
            return "not read";
        }
        String figure = "%.2f".formatted(process.commands());
        return process.process().equals(PlatformProcess.STORE) ? figure + " (all services')" : figure;
    }

    /** "requests.insert 1.00, outbox_pending.findAndModify 1.00, …" */
    private static String top(ProcessCost process) {
        String named = process.topCommands().stream()
                .map((Command c) -> "%s %.2f".formatted(c.name(), c.perRegistration()))
                .collect(Collectors.joining(", "));
        return process.moreCommands() ? named + ", …" : named;
    }

    private static void row(StringBuilder table, List<String> cells) {
        table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
