package com.mallservicedesk.intake;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages depend on each other only through their top-level types, and never in a cycle. */
class PackageStructureTest {

    @Test
    void featurePackagesAreWellFormed() {
        ApplicationModules.of(IntakeApplication.class).verify();
    }
}
