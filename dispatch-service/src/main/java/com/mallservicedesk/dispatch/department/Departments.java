package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The departments of each mall and their working calendars. */
@Service
public class Departments {

    private static final Logger log = LoggerFactory.getLogger(Departments.class);

    private final DepartmentRepository repository;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final MeterRegistry meters;

    Departments(DepartmentRepository repository, Clock clock, @Value("${dispatch.default-zone}") ZoneId defaultZone,
                MeterRegistry meters) {
        this.repository = repository;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.meters = meters;
    }

    /**
     * Stores a department. A calendar without a zone is refused rather than given the default one: the zone decides
     * every deadline the department is measured by, so it is said, not guessed (old documents without one are read in
     * the default zone, see {@link #calendar(Department)}).
     */
    Mono<Department> put(String mallId, String code, String name, WorkingCalendar calendar, Department.Contact head,
                         List<Department.Contact> escalationContacts, PlatformUser user) {
        FieldErrors problems = calendar.problems();
        if (!problems.isEmpty()) {
            return Mono.error(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "department-calendar-invalid", code));
        }
        return repository.save(new Department(Department.idFor(mallId, code), mallId, code, name,
                Department.StoredCalendar.of(calendar), head, escalationContacts == null ? List.of() : escalationContacts,
                clock.instant(), user.id()));
    }

    Mono<Department> get(String mallId, String code) {
        return repository.findById(Department.idFor(mallId, code))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("department", code)));
    }

    Flux<Department> list(String mallId, ListQuery query) {
        return repository.findByMallId(mallId, PageRequest.of(query.page(), query.size(), Sort.by("code")));
    }

    Mono<Long> count(String mallId) {
        return repository.countByMallId(mallId);
    }

    public Mono<Boolean> exists(String mallId, String code) {
        return repository.existsById(Department.idFor(mallId, code));
    }

    /** The department's calendar; a department nobody configured yet works around the clock in the default zone. */
    public Mono<WorkingCalendar> calendarOf(String mallId, String code) {
        if (code == null) {
            return Mono.just(WorkingCalendar.aroundTheClock(defaultZone));
        }
        return repository.findById(Department.idFor(mallId, code))
                .map(this::calendar)
                .defaultIfEmpty(WorkingCalendar.aroundTheClock(defaultZone));
    }

    /**
     * The stored calendar as it can be used. Repairs of a calendar stored before the checks (see
     * {@link Department.StoredCalendar#read}) are logged and counted in {@code msd.dispatch.calendar.fallbacks}, so
     * the department is set up again; the orders are timed meanwhile instead of failing.
     */
    WorkingCalendar calendar(Department department) {
        if (department.calendar() == null) {
            count(department, List.of("calendar"));
            return WorkingCalendar.aroundTheClock(defaultZone);
        }
        var read = department.calendar().read(defaultZone);
        if (!read.repairs().isEmpty()) {
            count(department, read.repairs());
        }
        return read.calendar();
    }

    private void count(Department department, List<String> repairs) {
        log.warn("Department {} of mall {} has a stored calendar that had to be repaired: {}", department.code(),
                department.mallId(), repairs);
        meters.counter("msd.dispatch.calendar.fallbacks", "mall", String.valueOf(department.mallId()), "department",
                String.valueOf(department.code())).increment();
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }
}
