package com.mallservicedesk.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactDisclosureTest {

    private static PlatformUser user(String department, Role... roles) {
        return new PlatformUser("u1", "User", Set.of("m1"), Set.of(roles), department);
    }

    @Test
    void frontDeskAndTheHandlingDepartmentSeeTheFullNumber() {
        assertThat(ContactDisclosure.phoneFor(user(null, Role.FRONT_DESK), "ENG", "13800001234")).isEqualTo("13800001234");
        assertThat(ContactDisclosure.phoneFor(user("ENG", Role.DEPT_STAFF), "ENG", "13800001234")).isEqualTo("13800001234");
    }

    @Test
    void otherDepartmentsSupervisorsManagersAndOperatorsSeeItMasked() {
        assertThat(ContactDisclosure.phoneFor(user("CLEAN", Role.DEPT_STAFF), "ENG", "13800001234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.phoneFor(user(null, Role.DEPT_STAFF), "ENG", "13800001234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.phoneFor(user(null, Role.SUPERVISOR), "ENG", "13800001234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.phoneFor(user(null, Role.MANAGER), "ENG", "13800001234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.phoneFor(user(null, Role.PLATFORM_ADMIN), "ENG", "13800001234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.phoneFor(user("ENG", Role.DEPT_STAFF), null, "13800001234")).isEqualTo("138****1234");
    }

    @Test
    void shortNumbersAreHiddenAndSpacesIgnored() {
        assertThat(ContactDisclosure.mask("12345")).isEqualTo("****");
        assertThat(ContactDisclosure.mask("138 0000 1234")).isEqualTo("138****1234");
        assertThat(ContactDisclosure.mask(null)).isNull();
    }
}
