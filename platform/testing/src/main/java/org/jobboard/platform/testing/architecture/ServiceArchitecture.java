package org.jobboard.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every Jobboard service follows, for each module to apply with one test:
 *
 * <pre>
 * class ArchitectureTest {
 *     &#64;Test
 *     void followsTheServiceArchitecture() {
 *         ServiceArchitecture.check("org.jobboard.postings");
 *     }
 * }
 * </pre>
 *
 * The packages of a service: {@code api} (REST request and response types), {@code rest} (JAX-RS resources, mapping
 * api to domain and back), {@code service} (business logic), {@code domain}, {@code repository}, {@code events} (event
 * payload types, mapping domain to payload), {@code messaging} (consumers), {@code config}, {@code storage},
 * {@code mapping}. Only Jobboard packages are meant by a layer's name (a library's {@code ...api} package is none of
 * ours).
 */
public final class ServiceArchitecture {
    /** Web-facing packages: a service's own api and rest, and the platform's REST helpers. */
    private static final String[] WEB_LAYERS = {"org.jobboard..api..", "org.jobboard..rest.."};
    private static final String[] WEB_FRAMEWORKS = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web.."};
    private static final List<String> SERVICES = List.of("postings", "search", "applications", "gateway");

    /** Below the REST layer nothing knows about HTTP: no api or rest types, no JAX-RS, RESTEasy or Vert.x Web. */
    public static final ArchRule LAYERS = noClasses()
            .that().resideInAnyPackage("..service..", "..domain..", "..repository..", "..events..", "..messaging..",
                    "..storage..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB_LAYERS)
            .orShould().dependOnClassesThat().resideInAnyPackage(WEB_FRAMEWORKS)
            .as("service, domain, repository, events, messaging and storage do not depend on api, rest or the web "
                    + "frameworks")
            .because("only the REST layer maps between HTTP and the domain")
            .allowEmptyShould(true);

    /** The domain is the innermost layer. */
    public static final ArchRule DOMAIN_INDEPENDENCE = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jobboard..service..",
                    "org.jobboard..repository..", "org.jobboard..rest..", "org.jobboard..api..",
                    "org.jobboard..events..", "org.jobboard..messaging..")
            .as("domain depends on no other layer (service, repository, rest, api, events, messaging)")
            .allowEmptyShould(true);

    /** Event payloads and REST types are two published contracts; each changes without the other. */
    public static final ArchRule EVENTS_APART_FROM_API = CompositeArchRule
            .of(noClasses().that().resideInAPackage("..events..")
                    .should().dependOnClassesThat().resideInAnyPackage(WEB_LAYERS)
                    .allowEmptyShould(true))
            .and(noClasses().that().resideInAPackage("..api..")
                    .should().dependOnClassesThat().resideInAPackage("org.jobboard..events..")
                    .allowEmptyShould(true))
            .as("event payload types do not depend on api or rest types, api types do not depend on events");

    /** A service talks to another over HTTP or events, never through its classes. */
    public static final ArchRule SERVICE_ISOLATION = serviceIsolation();

    /** The top-level packages of a service ({@code org.jobboard.<service>.<package>}) form no cycle. */
    public static final ArchRule TOP_LEVEL_PACKAGES_WITHOUT_CYCLES = slices()
            .matching("org.jobboard.(*).(*)..")
            .should().beFreeOfCycles()
            .as("the top-level packages of a service are free of cycles")
            .allowEmptyShould(true);

    /** Every rule above. */
    public static final ArchRule ALL = CompositeArchRule.of(LAYERS).and(DOMAIN_INDEPENDENCE).and(EVENTS_APART_FROM_API)
            .and(SERVICE_ISOLATION).and(TOP_LEVEL_PACKAGES_WITHOUT_CYCLES);

    private ServiceArchitecture() {
    }

    /**
     * Checks every rule against the production classes (not the tests) under {@code basePackage}, e.g.
     * {@code org.jobboard.postings}; an {@link AssertionError} lists each violation with both classes.
     */
    public static void check(String basePackage) {
        check(productionClasses(basePackage));
    }

    /** Checks every rule against these classes. */
    public static void check(JavaClasses classes) {
        ALL.check(classes);
    }

    /** The production classes under {@code basePackage}: a module's own, without its tests. */
    public static JavaClasses productionClasses(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes under " + basePackage + " (a typo in the package?)");
        }
        return classes;
    }

    private static ArchRule serviceIsolation() {
        CompositeArchRule rule = null;
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(other -> !other.equals(service))
                    .map(other -> "org.jobboard." + other + "..").toArray(String[]::new);
            ArchRule own = noClasses().that().resideInAPackage("org.jobboard." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true);
            rule = rule == null ? CompositeArchRule.of(own) : rule.and(own);
        }
        return rule.as("a service's classes do not depend on another service's packages");
    }
}
