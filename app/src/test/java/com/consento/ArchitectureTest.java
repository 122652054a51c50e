package com.consento;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.consento.catalog.Catalog;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.catalog.PurposeTerms;
import com.consento.decisions.DecisionIndex;
import com.consento.decisions.DecisionRule;
import com.consento.ledger.ConsentOrder;
import com.consento.ledger.HashChain;
import com.consento.ledger.StateReplay;
import com.consento.ledger.StatusRule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Architecture" enforced, not hoped for: who may depend on whom, which classes stay free of
 * frameworks, and where the time comes from. Main classes only; the rules run in well under a second.
 *
 * <p>Exceptions are named and commented where they are declared, so a violation stays visible.
 */
class ArchitectureTest {
    private static final String BASE = "com.consento";
    private static final String[] FRAMEWORKS = {
            "org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(BASE);
    }

    @Test
    @DisplayName("shared depends on no other Consento package")
    void shared_depends_on_no_other_consento_package() {
        noClasses().that().resideInAPackage(BASE + ".shared..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAPackage(BASE + ".shared.."))))
                .because("shared is the vocabulary every capability uses; it depends on nothing (DESIGN.md)")
                .check(main);
    }

    @Test
    @DisplayName("shared depends on no framework: no Spring, no JDBC, no Jackson")
    void shared_depends_on_no_framework() {
        noClasses().that().resideInAPackage(BASE + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("shared is plain Java so that every domain rule can use it")
                .check(main);
    }

    @Test
    @DisplayName("ledger depends only on shared, catalog and identity")
    void ledger_depends_only_on_shared_catalog_and_identity() {
        noClasses().that().resideInAPackage(BASE + ".ledger..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAnyPackage(BASE + ".ledger..", BASE + ".shared..", BASE + ".catalog..",
                                BASE + ".identity.."))))
                .because("the ledger never knows who listens (DESIGN.md: decisions is fed by ledger events)")
                .check(main);
    }

    @Test
    @DisplayName("nobody depends on platform, except the application's main class")
    void nobody_depends_on_platform_except_the_application_main_class() {
        noClasses().that().resideOutsideOfPackage(BASE + ".platform..")
                // named exception: the entry point runs platform's Tasks (verify-ledger, …) before Spring starts
                .and().doNotHaveFullyQualifiedName(ConsentoApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage(BASE + ".platform..")
                .because("platform is a leaf: capabilities never reach into security, observability or config")
                .check(main);
    }

    @Test
    @DisplayName("nobody depends on the console pages")
    void nobody_depends_on_the_console_pages() {
        nobodyDependsOn("console");
    }

    @Test
    @DisplayName("nobody depends on the preference centre pages")
    void nobody_depends_on_the_preference_centre_pages() {
        nobodyDependsOn("preferencecentre");
    }

    @Test
    @DisplayName("nobody depends on the demo")
    void nobody_depends_on_the_demo() {
        nobodyDependsOn("demo");
    }

    private static void nobodyDependsOn(String leaf) {
        noClasses().that().resideOutsideOfPackage(BASE + "." + leaf + "..")
                .should().dependOnClassesThat().resideInAPackage(BASE + "." + leaf + "..")
                .because(leaf + " is a leaf: nobody depends on it (DESIGN.md)")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    @DisplayName("audiences, campaigns and recommendations ask decisions and never depend on the ledger")
    void audiences_campaigns_and_recommendations_never_depend_on_the_ledger() {
        noClasses().that().resideInAnyPackage(BASE + ".audiences..", BASE + ".campaigns..",
                        BASE + ".recommendations..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".ledger..")
                .because("they ask decisions; they never read ledger tables directly (DESIGN.md)")
                // these packages may not exist yet; the rule still holds (and bites) once they do
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    @DisplayName("domain rule classes import no Spring, no JDBC, no Jackson")
    void domain_rule_classes_are_framework_free() {
        noClasses().that().belongToAnyOf(Catalog.class, Purpose.class, Notice.class, PurposeTerms.class,
                        StatusRule.class, ConsentOrder.class, StateReplay.class, HashChain.class, DecisionRule.class,
                        DecisionIndex.class)
                // package-private, so named by pattern: the NDSR-21 lists and their nested records
                .or().haveNameMatching("com\\.consento\\.catalog\\.PublicLists(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain logic is plain Java, unit-tested in microseconds and benchmarked with JMH")
                .check(main);
    }

    @Test
    @DisplayName("no main class reads the system time directly: a java.time.Clock is injected")
    void no_class_reads_the_system_time_directly() {
        // Checked when this rule was written: no main class (platform included) calls these today, so there is no exception.
        noClasses().that().resideInAPackage(BASE + "..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the injected Clock, so tests and replays control it (DESIGN.md)")
                .check(main);
    }

    @Test
    @DisplayName("only platform creates the system clock; everyone else gets it injected")
    void only_platform_creates_the_system_clock() {
        noClasses().that().resideOutsideOfPackage(BASE + ".platform..")
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .because("a capability that builds its own system clock escapes the injected one")
                .check(main);
    }

    @Test
    @DisplayName("capability packages have no dependency cycles")
    void capability_packages_have_no_cycles() {
        slices().matching(BASE + ".(*)..")
                .should().beFreeOfCycles()
                .check(main);
    }
}
