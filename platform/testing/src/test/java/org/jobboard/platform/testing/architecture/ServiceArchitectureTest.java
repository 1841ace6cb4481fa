package org.jobboard.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules fail on a service that breaks them (fixture.badservice) and pass one that follows them. */
class ServiceArchitectureTest {
    private static final String FIXTURE = "org.jobboard.platform.testing.architecture.fixture.";
    private static final String BAD = FIXTURE + "badservice.";

    private final JavaClasses bad = new ClassFileImporter().importPackages(FIXTURE + "badservice");
    private final JavaClasses good = new ClassFileImporter().importPackages(FIXTURE + "goodservice");

    @Test
    void aServiceClassUsingAnApiTypeBreaksTheLayers() {
        String message = violation(ServiceArchitecture.LAYERS, bad);

        assertNames(message, BAD + "service.ApplyService", BAD + "api.ApplyRequest");
    }

    @Test
    void aServiceClassUsingJaxRsBreaksTheLayers() {
        String message = violation(ServiceArchitecture.LAYERS, bad);

        assertNames(message, BAD + "service.ApplyService", "jakarta.ws.rs.core.Response");
    }

    @Test
    void aDomainClassUsingARepositoryBreaksDomainIndependence() {
        String message = violation(ServiceArchitecture.DOMAIN_INDEPENDENCE, bad);

        assertNames(message, BAD + "domain.Application", BAD + "repository.ApplicationRepository");
    }

    @Test
    void anApiTypeCarryingAnEventPayloadBreaksTheirSeparation() {
        String message = violation(ServiceArchitecture.EVENTS_APART_FROM_API, bad);

        assertNames(message, BAD + "api.ApplyRequest", BAD + "events.ApplicationSubmitted");
    }

    @Test
    void theWholeCheckReportsEveryBrokenRule() {
        String message = assertThrows(AssertionError.class, () -> ServiceArchitecture.check(bad)).getMessage();

        assertNames(message, "do not depend on api, rest", "domain depends on no other layer",
                "api types do not depend on events");
    }

    @Test
    void aServiceFollowingTheConventionPasses() {
        assertDoesNotThrow(() -> ServiceArchitecture.check(good));
    }

    @Test
    void aPackageWithoutClassesIsAMistake() {
        assertThrows(AssertionError.class, () -> ServiceArchitecture.check("org.jobboard.nosuchservice"));
    }

    private static String violation(ArchRule rule, JavaClasses classes) {
        return assertThrows(AssertionError.class, () -> rule.check(classes)).getMessage();
    }

    private static void assertNames(String message, String... names) {
        for (String name : names) {
            assertTrue(message.contains(name), () -> "expected " + name + " in:\n" + message);
        }
    }
}
