package org.credfolio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Crypto libraries beside nimbus (see ArchitectureTest) stay inside the trust module too. */
class CryptoLibrariesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.credfolio");

    @Test
    void onlyTrustTouchesTinkOrTheNativeProvider() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.credfolio.trust..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.crypto.tink..", "com.amazon.corretto.crypto..")
                .because("key material and the crypto provider choice stay inside the trust module")
                .check(MAIN);
    }
}
