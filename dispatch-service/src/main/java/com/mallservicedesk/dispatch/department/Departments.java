package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.dispatch.mall.MallCalendar;
import com.mallservicedesk.dispatch.mall.Malls;
import com.mallservicedesk.dispatch.mall.StoredCalendar;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.beans.factory.annotation.Value;
import java.time.Duration;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;

/** The departments of each mall and their working calendars. */
@Service
public class Departments {

    private static final Logger log = LoggerFactory.getLogger(Departments.class);

    private final DepartmentRepository repository;
    private final Clock clock;
    private final Malls malls;
    private final MeterRegistry meters;
    /** Read on every save of every work order (its clocks count in the department's calendar); changed rarely. */
    private final CachedReads<Department> cached;

    Departments(DepartmentRepository repository, Clock clock, Malls malls, MeterRegistry meters,
                ConfigurationChanges changes, @Value("${dispatch.configuration-cache:PT10M}") Duration cacheFor) {
        this.cached = changes.cache("departments", cacheFor);
        this.repository = repository;
        this.clock = clock;
        this.malls = malls;
        this.meters = meters;
    }

    /**
     * Stores a department. Its calendar is optional: without one it works the mall's desk hours. A calendar is counted
     * in the mall's one time zone; a calendar without a zone takes it, one naming another zone is refused (422
     * {@code calendar.zone} {@code not-the-malls-zone}), as is one the kit finds no working time in or beyond its
     * bounds ({@code problems("calendar")}).
     */
    Mono<Department> put(String mallId, String code, String name, WorkingCalendar calendar, Department.Contact head,
                         List<Department.Contact> escalationContacts, PlatformUser user) {
        return malls.of(mallId).flatMap(mall -> {
            WorkingCalendar own = calendar == null ? null
                    : calendar.zone() == null ? calendar.withZone(mall.zone()) : calendar;
            if (own != null) {
                FieldErrors problems = own.problems("calendar");
                if (problems.isEmpty() && !own.zone().normalized().equals(mall.zone().normalized())) {
                    problems.add("calendar.zone", "not-the-malls-zone");
                }
                if (!problems.isEmpty()) {
                    return Mono.error(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "department-calendar-invalid", code));
                }
            }
            return repository.save(new Department(Department.idFor(mallId, code), mallId, code, name,
                    own == null ? null : StoredCalendar.of(own), head,
                    escalationContacts == null ? List.of() : escalationContacts, clock.instant(), user.id()))
                    .delayUntil(saved -> cached.changed(Department.idFor(mallId, code)));
        });
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

    /**
     * Who an escalation of one of the department's orders reaches inside the department: its head (role
     * {@code DEPARTMENT_HEAD}) and its own escalation contacts, which come before the mall's for the same role. Empty
     * for an order without a department or a department nobody configured.
     */
    public Mono<List<DepartmentContact>> escalationContactsOf(String mallId, String code) {
        if (code == null) {
            return Mono.just(List.of());
        }
        return repository.findById(Department.idFor(mallId, code)).map(department -> {
            List<DepartmentContact> contacts = new java.util.ArrayList<>();
            if (department.head() != null) {
                contacts.add(new DepartmentContact("DEPARTMENT_HEAD", department.head().name(), department.head().phone()));
            }
            if (department.escalationContacts() != null) {
                department.escalationContacts().forEach(c -> contacts.add(new DepartmentContact(c.role(), c.name(), c.phone())));
            }
            return List.copyOf(contacts);
        }).defaultIfEmpty(List.of());
    }

    public Mono<Boolean> exists(String mallId, String code) {
        return repository.existsById(Department.idFor(mallId, code));
    }

    /**
     * The calendar the department's clocks count in: its own, read in the mall's zone, or the mall's desk hours when it
     * has none (or nobody configured the department, or no department holds the order): 12 hours a day by default
     * for a mall, 24 hours for a campus (seed 000 §3.1.1, seed 001 §二.1), never 24×7 by accident.
     */
    public Mono<WorkingCalendar> calendarOf(String mallId, String code) {
        return malls.of(mallId).flatMap(mall -> code == null ? Mono.just(mall.deskHours())
                : cached.get(Department.idFor(mallId, code), () -> repository.findById(Department.idFor(mallId, code)))
                        .map(department -> calendar(department, mall))
                        .defaultIfEmpty(mall.deskHours()));
    }

    /** What a department's calendar is and where it comes from, as the API shows it. */
    Mono<DepartmentView> view(Department department) {
        return malls.of(department.mallId()).map(mall -> view(department, mall));
    }

    /** A page of one mall's departments: the mall's settings are read once. */
    Flux<DepartmentView> views(String mallId, Flux<Department> page) {
        return malls.of(mallId).flatMapMany(mall -> page.map(department -> view(department, mall)));
    }

    private DepartmentView view(Department department, MallCalendar mall) {
        return DepartmentView.of(department, calendar(department, mall), department.calendar() == null
                ? DepartmentView.CalendarSource.MALL_DESK_HOURS : DepartmentView.CalendarSource.DEPARTMENT);
    }

    /**
     * The stored calendar as it can be used. Repairs of a calendar stored before the checks (see
     * {@link StoredCalendar#read}) are logged and counted in {@code msd.dispatch.calendar.fallbacks}, so the department
     * is set up again; the orders are timed meanwhile instead of failing.
     */
    private WorkingCalendar calendar(Department department, MallCalendar mall) {
        if (department.calendar() == null) {
            return mall.deskHours();
        }
        var read = department.calendar().read(mall.zone(), mall.deskHours());
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
}
