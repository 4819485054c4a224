package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import org.springframework.http.HttpStatus;

/** Who a caller acts as in dispatch: the whole mall (front desk, supervisors) or one department (its staff). */
public final class Callers {

    private Callers() {
    }

    /** The front desk, the supervisors and the property manager see and follow every order of the mall. */
    public static boolean seesWholeMall(PlatformUser user) {
        return user.has(Role.FRONT_DESK) || supervises(user);
    }

    /** Supervisors and the property manager may step in for any department (seed 000 §3.1). */
    public static boolean supervises(PlatformUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.MANAGER);
    }

    /**
     * The department a member of staff acts for. A token without a {@code dept} claim names none, and such a caller
     * acts for no department at all: 403 before anything is looked up, so no order's state decides the answer.
     */
    public static String staffDepartment(PlatformUser user) {
        String department = user.department();
        if (department == null || department.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "department-claim-missing");
        }
        return department;
    }

    /** Whether a member of staff belongs to the department; never true for an order without one. */
    public static boolean belongsTo(PlatformUser user, String department) {
        return department != null && department.equals(staffDepartment(user));
    }
}
