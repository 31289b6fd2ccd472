package org.credfolio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Keeps the module map of DESIGN.md true as the code grows. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.credfolio");

    /** Which modules each module may use (shared is open to all). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("shared", List.of()),
            Map.entry("organization", List.of("shared")),
            Map.entry("catalog", List.of("shared", "organization")),
            Map.entry("learner", List.of("shared", "organization")),
            Map.entry("awards", List.of("shared", "organization", "learner", "catalog", "trust")),
            Map.entry("trust", List.of("shared")),
            // pathways signs the Comprehensive Learner Record as the learner's district, hence trust and organization.
            Map.entry("pathways", List.of("shared", "organization", "catalog", "learner", "awards", "trust")),
            // A presentation's identity credential is checked by identity, which crosswalks and sharing use.
            Map.entry("crosswalks", List.of("shared", "catalog", "trust", "sharing", "identity")),
            Map.entry("sharing", List.of("shared", "organization", "awards", "learner", "trust", "identity")),
            // Identity disclosures: the district's record of the learner, signed with the district's key.
            Map.entry("identity", List.of("shared", "organization", "learner", "trust")),
            // Reports are read models: they aggregate learners and awards and judge by catalog value.
            Map.entry("reporting", List.of("shared", "organization", "catalog", "learner", "awards", "pathways")),
            // Imports apply files through the owning modules' services, exactly as their API would.
            Map.entry("imports", List.of("shared", "organization", "catalog", "learner", "awards")),
            // The employer verification page only runs the verification engine on what it is handed.
            Map.entry("verifypage", List.of("shared", "trust")),
            // Celebration pages read learners, consent and awards through their modules' services.
            Map.entry("celebrations", List.of("shared", "organization", "catalog", "learner", "awards")));

    private static final List<String> MODULES = List.of(
            "shared",
            "organization",
            "catalog",
            "learner",
            "awards",
            "pathways",
            "crosswalks",
            "trust",
            "sharing",
            "identity",
            "reporting",
            "imports",
            "verifypage",
            "celebrations",
            "demo");

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.credfolio.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void modulesUseOnlyWhatTheMapAllows() {
        ALLOWED.forEach((module, allowed) -> {
            String[] forbidden = MODULES.stream()
                    .filter(m -> !m.equals(module) && !allowed.contains(m))
                    .map(m -> "org.credfolio." + m + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.credfolio." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden)
                    .allowEmptyShould(true)
                    .because("DESIGN.md's module map lets " + module + " use only " + allowed)
                    .check(MAIN);
        });
    }

    @Test
    void onlyTrustTouchesJoseLibrary() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.credfolio.trust..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.nimbusds..")
                .because("signing keys and JOSE handling stay inside the trust module")
                .check(MAIN);
    }

    @Test
    void onlyTrustTouchesJsonLdAndCanonicalization() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.credfolio.trust..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.apicatalog..", "jakarta.json..")
                .because("JSON-LD processing and Data Integrity proofs stay inside the trust module")
                .check(MAIN);
    }

    @Test
    void dataIntegrityIsALeafInsideTrust() {
        noClasses()
                .that()
                .resideInAPackage("org.credfolio.trust.integrity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.credfolio.trust",
                        "org.credfolio.trust.keys..",
                        "org.credfolio.trust.status..",
                        "org.credfolio.trust.verification..",
                        "org.credfolio.trust.presentation..",
                        "org.credfolio.trust.publication..",
                        "org.credfolio.shared..",
                        "com.nimbusds..",
                        "org.springframework..")
                .allowEmptyShould(true)
                .because("the cryptosuite works on plain maps and key bytes, with no keys, storage or framework")
                .check(MAIN);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .because("other modules go through a module's service, never its storage")
                .check(MAIN);
    }
}
