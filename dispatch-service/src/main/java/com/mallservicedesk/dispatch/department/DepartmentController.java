package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/departments")
class DepartmentController {

    static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    record ContactBody(@NotBlank @Pattern(regexp = "DEPARTMENT_HEAD|FRONT_DESK|CS_SUPERVISOR|CS_HEAD|PROPERTY_MANAGER") String role,
                       @NotBlank @Size(max = 100) @PlainText String name,
                       @Size(max = 40) @PlainText String phone) {
    }

    /** @param calendar optional: without one the department works the mall's desk hours */
    record DepartmentBody(@NotBlank @Size(max = 100) @PlainText String name,
                          WorkingCalendar calendar, @Valid ContactBody head,
                          @Size(max = 20) List<@NotNull @Valid ContactBody> escalationContacts) {
    }

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<DepartmentView> put(@PathVariable String mallId, @PathVariable String code,
                             @Valid @RequestBody DepartmentBody body, PlatformUser user) {
        if (!code.matches(CODE)) {
            return Mono.error(ApiException.badRequest("department-code-invalid", code));
        }
        return departments.put(mallId, code, body.name(), body.calendar(), contact(body.head()),
                        body.escalationContacts() == null ? List.of() : body.escalationContacts().stream().map(this::contact).toList(),
                        user)
                .flatMap(departments::view);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<DepartmentView> get(@PathVariable String mallId, @PathVariable String code) {
        return departments.get(mallId, code).flatMap(departments::view);
    }

    /** Paged like every list: {@code page} 0–10,000, {@code size} 1–200 (default 50), by code. */
    @GetMapping
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<PageView<DepartmentView>> list(@PathVariable String mallId, @RequestParam(defaultValue = "0") String page,
                                        @RequestParam(defaultValue = "50") String size) {
        ListQuery query = ListQuery.of(page, size);
        return Mono.zip(departments.views(mallId, departments.list(mallId, query)).collectList(), departments.count(mallId))
                .map(both -> query.page(both.getT1(), both.getT2()));
    }

    private Department.Contact contact(ContactBody body) {
        return body == null ? null : new Department.Contact(body.role(), body.name(), body.phone());
    }
}
