package org.credfolio.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;

/**
 * Classification on the real BLS figures of May 2024 / 2024-34, checked against what the field's
 * own research found (ExcelinEd and Burning Glass, Credentials Matter): ASE, CompTIA A+ and AWS
 * Certified Welder are in demand and pay well; most licenses high school students earn (nurse aide,
 * cosmetology) lead to jobs in demand that do not pay a living wage; office software certifications
 * lead to many openings in shrinking or low-paid clerical work.
 */
class CredentialValueTest extends DemoDataTest {
    private static final String VALUE = "query($id: ID!, $r: String) { credential(id: $id) { name value(region: $r) {"
            + " tier region inDemand paysLivingWage qualifyingOccupation { socCode } reasons { rule passed detail }"
            + " thresholds { livingWage demandOpenings configured } } } }";

    private Map<String, Object> value(String id, String region) {
        return tester("anonymous")
                .document(VALUE)
                .variable("id", id)
                .variable("r", region)
                .execute()
                .path("credential.value")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @Test
    void credentialsTheFieldFoundInDemandAndWellPaidAreHighValue() {
        assertThat(value("tx-ibc-351", null))
                .containsEntry("tier", "HIGH_VALUE")
                .containsEntry("region", "US")
                .containsEntry("qualifyingOccupation", Map.of("socCode", "51-4121"));
        assertThat(value("tx-ibc-480", null)).containsEntry("tier", "HIGH_VALUE");
        Map<String, Object> ase = value("tx-ibc-130", null);
        assertThat(ase).containsEntry("tier", "HIGH_VALUE");
        assertThat(reason(ase, "LIVING_WAGE"))
                .containsEntry("passed", true)
                .extracting(r -> r.get("detail"))
                .asString()
                .contains("49-3023", "$49,670", "$49,500");
    }

    @Test
    void nurseAideAndCosmetologyLicensesAreInDemandButLowWage() {
        Map<String, Object> cna = value("tx-ibc-390", null);
        assertThat(cna).containsEntry("tier", "LOW_WAGE").containsEntry("inDemand", true);
        assertThat(reason(cna, "DEMAND").get("detail")).asString().contains("204,100 annual openings");
        assertThat(reason(cna, "LIVING_WAGE"))
                .containsEntry("passed", false)
                .extracting(r -> r.get("detail"))
                .asString()
                .contains("$39,530");
        assertThat(value("tx-ibc-510", null)).containsEntry("tier", "LOW_WAGE");
        assertThat(value("tx-ibc-551", null)).containsEntry("tier", "LOW_WAGE");
    }

    @Test
    void nicheAndLowPaidCredentialsAreLimitedDemandOrLowValue() {
        Map<String, Object> afterEffects = value("tx-ibc-010", null);
        assertThat(afterEffects).containsEntry("tier", "LIMITED_DEMAND").containsEntry("paysLivingWage", true);
        assertThat(reason(afterEffects, "DEMAND").get("detail")).asString().contains("needs 10,000");
        assertThat(value("tx-ibc-812", null)).containsEntry("tier", "LOW_VALUE");
    }

    @Test
    void aRegionWithItsOwnLivingWageJudgesByIt() {
        Map<String, Object> aseInWashington = value("tx-ibc-130", "wa");
        assertThat(aseInWashington).containsEntry("tier", "LOW_WAGE").containsEntry("region", "WA");
        assertThat(aseInWashington.get("thresholds"))
                .isEqualTo(Map.of("livingWage", 60000, "demandOpenings", 10000, "configured", true));
        assertThat(value("tx-ibc-480", "WA")).containsEntry("tier", "HIGH_VALUE");
        assertThat(value("tx-ibc-130", "TX").get("thresholds"))
                .isEqualTo(Map.of("livingWage", 49500, "demandOpenings", 10000, "configured", false));

        tester("anonymous")
                .document("{ credential(id: \"tx-ibc-130\") { value(region: \"Narnia\") { tier } } }")
                .execute()
                .errors()
                .expect(e -> "UNKNOWN_REGION".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void demoReviewsShowAndAnOldReviewIsFlaggedAsDue() {
        var response = tester("anonymous")
                .document("{ welder: credential(id: \"tx-ibc-351\") { value(region: \"TX\") { reviewOverdue"
                        + " endorsementCount lastReviewedAt } validationReviews(region: \"TX\") { reviewerType"
                        + " reviewer { name } scores { average } } endorsements(region: \"TX\") { employer { id } } }"
                        + " aPlus: credential(id: \"tx-ibc-480\") { value(region: \"TX\") { reviewOverdue"
                        + " reasons { rule passed detail } } } }")
                .execute();
        response.path("welder.value.reviewOverdue").entity(Boolean.class).isEqualTo(false);
        response.path("welder.value.endorsementCount").entity(Integer.class).isEqualTo(1);
        response.path("welder.validationReviews[0].reviewerType")
                .entity(String.class)
                .isEqualTo("WORKFORCE_BOARD");
        response.path("welder.validationReviews[0].scores.average")
                .entity(Double.class)
                .isEqualTo(4.0);
        response.path("welder.endorsements[0].employer.id").entity(String.class).isEqualTo("demo-employer");
        response.path("aPlus.value.reviewOverdue").entity(Boolean.class).isEqualTo(true);
        response.path("aPlus.value.reasons[?(@.rule == 'VALIDATION_REVIEW')].detail")
                .entityList(String.class)
                .satisfies(d -> assertThat(d.get(0)).contains("2024-05-02", "due again"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reason(Map<String, Object> value, String rule) {
        return ((List<Map<String, Object>>) value.get("reasons"))
                .stream().filter(r -> rule.equals(r.get("rule"))).findFirst().orElseThrow();
    }
}
