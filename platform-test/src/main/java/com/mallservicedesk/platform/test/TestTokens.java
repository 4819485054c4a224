package com.mallservicedesk.platform.test;

import com.mallservicedesk.platform.devtokens.DevelopmentTokens;
import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the development secret the services use by default. */
public final class TestTokens {

    public static final String DEVELOPMENT_SECRET = "mall-service-desk-development-secret-do-not-use-in-production";

    private TestTokens() {
    }

    public static String token(String user, List<String> malls, List<String> roles, String department) {
        return DevelopmentTokens.mint(DEVELOPMENT_SECRET, user, user, malls, roles, department, Duration.ofHours(1));
    }

    public static String frontDesk(String mallId) {
        return token("front-desk-" + mallId, List.of(mallId), List.of("FRONT_DESK"), null);
    }

    public static String supervisor(String mallId) {
        return token("supervisor-" + mallId, List.of(mallId), List.of("SUPERVISOR"), null);
    }

    public static String deptStaff(String mallId, String department) {
        return token("staff-" + department + "-" + mallId, List.of(mallId), List.of("DEPT_STAFF"), department);
    }

    public static String platformAdmin() {
        return token("operator", List.of("*"), List.of("PLATFORM_ADMIN"), null);
    }
}
