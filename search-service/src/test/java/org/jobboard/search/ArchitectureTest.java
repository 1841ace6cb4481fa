package org.jobboard.search;

import org.jobboard.platform.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The package rules of every Jobboard service (platform-testing's ServiceArchitecture), applied to this one. */
class ArchitectureTest {
    @Test
    void followsTheServiceArchitecture() {
        ServiceArchitecture.check("org.jobboard.search");
    }
}
