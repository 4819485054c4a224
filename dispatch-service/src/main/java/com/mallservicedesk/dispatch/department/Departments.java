package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The departments of each mall and their working calendars. */
@Service
public class Departments {

    private final DepartmentRepository repository;
    private final Clock clock;
    private final ZoneId defaultZone;

    Departments(DepartmentRepository repository, Clock clock, @Value("${dispatch.default-zone}") ZoneId defaultZone) {
        this.repository = repository;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    Mono<Department> put(String mallId, String code, String name, WorkingCalendar calendar, Department.Contact head,
                         List<Department.Contact> escalationContacts, PlatformUser user) {
        if (!calendar.hasWorkingTime() || calendar.hours().values().stream().anyMatch(h -> !h.valid())) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "department-calendar-invalid", code));
        }
        return repository.save(new Department(Department.idFor(mallId, code), mallId, code, name,
                Department.StoredCalendar.of(calendar), head, escalationContacts == null ? List.of() : escalationContacts,
                clock.instant(), user.id()));
    }

    Mono<Department> get(String mallId, String code) {
        return repository.findById(Department.idFor(mallId, code))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("department", code)));
    }

    Flux<Department> list(String mallId) {
        return repository.findByMallId(mallId, Sort.by("code"));
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
                .map(d -> d.calendar().toCalendar())
                .defaultIfEmpty(WorkingCalendar.aroundTheClock(defaultZone));
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }
}
