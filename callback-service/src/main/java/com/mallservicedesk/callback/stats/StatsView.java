package com.mallservicedesk.callback.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * The callback figures of a period (months in the mall's time zone), for the whole mall or one department; the
 * whole mall's also list each department's.
 */
record StatsView(String mallId, String month, String from, String to, String department, Figures figures,
                 List<DepartmentFigures> departments) {

    record DepartmentFigures(String department, Figures figures) {
    }

    static StatsView of(String mallId, YearMonth from, YearMonth to, String department, Figures figures,
                        List<DepartmentFigures> departments) {
        return new StatsView(mallId, from.equals(to) ? from.toString() : null, from.toString(), to.toString(), department,
                figures, departments);
    }
}
