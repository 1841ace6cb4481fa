package org.jobboard.applications.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.jobboard.platform.testing.OffsetClock;

/** This service's clock in tests (platform-testing's OffsetClock as its bean): tests move it instead of waiting. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends OffsetClock {
}
