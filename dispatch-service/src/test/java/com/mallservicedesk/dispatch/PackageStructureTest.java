package com.mallservicedesk.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages depend on each other only through their top-level types, and never in a cycle. */
class PackageStructureTest {

    @Test
    void featurePackagesAreWellFormed() {
        ApplicationModules.of(DispatchApplication.class).verify();
    }
}
