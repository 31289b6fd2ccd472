package org.credfolio.demo;

import java.time.Instant;
import java.util.List;
import org.credfolio.catalog.seed.CatalogSeed;
import org.credfolio.catalog.value.Endorsement;
import org.credfolio.catalog.value.RubricScores;
import org.credfolio.catalog.value.ValidationReview;
import org.credfolio.organization.OrganizationType;

/**
 * Fictional validation reviews and endorsements by the demo workforce board, college and employer,
 * so the catalog shows both a fresh review and one that is due again. The scores are invented.
 */
final class DemoValidation {
    static final String REGION = "TX";
    private static final String WELDER = CatalogSeed.CREDENTIAL_PREFIX + "351";
    private static final String WELDING_LEVEL_I = CatalogSeed.CREDENTIAL_PREFIX + "760";
    private static final String A_PLUS = CatalogSeed.CREDENTIAL_PREFIX + "480";
    private static final String DEMO_NOTE = "(fictional demo review)";

    private DemoValidation() {}

    static List<ValidationReview> reviews() {
        return List.of(
                new ValidationReview(
                        "demo-review-welder-board",
                        WELDER,
                        REGION,
                        DemoOrganizations.WORKFORCE_BOARD,
                        OrganizationType.WORKFORCE_BOARD,
                        new RubricScores(5, 4, 4, 4, 3),
                        "Welders are on the regional target occupation list; exam sites are two hours apart. "
                                + DEMO_NOTE,
                        "demo-data",
                        Instant.parse("2026-03-10T15:00:00Z")),
                new ValidationReview(
                        "demo-review-a-plus-college",
                        A_PLUS,
                        REGION,
                        DemoOrganizations.COLLEGE,
                        OrganizationType.COLLEGE,
                        new RubricScores(4, 5, 5, 3, 4),
                        "Counts toward our IT support certificate. " + DEMO_NOTE,
                        "demo-data",
                        Instant.parse("2024-05-02T15:00:00Z")));
    }

    static List<Endorsement> endorsements() {
        return List.of(endorsement(WELDER), endorsement(WELDING_LEVEL_I));
    }

    private static Endorsement endorsement(String credentialId) {
        return new Endorsement(
                Endorsement.idOf(credentialId, REGION, DemoOrganizations.EMPLOYER),
                credentialId,
                REGION,
                DemoOrganizations.EMPLOYER,
                "We hire welders who hold it for our fabrication floor (fictional demo employer).",
                "demo-data",
                Instant.parse("2026-04-01T15:00:00Z"));
    }
}
