package org.credfolio.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;

/**
 * Classification on the real figures: each state judged on its own BLS OEWS May 2024 wages (at
 * entry, the 25th percentile) and its 2022-2032 projections, counting only occupations a
 * high-school graduate can enter. Checked against what the field's own research found (ExcelinEd
 * and Burning Glass, Credentials Matter): in Texas, ASE, CompTIA A+ and AWS Certified Welder open
 * jobs in demand at a decent entry wage; the nurse aide license opens many jobs that pay too little
 * at entry; office software leads to shrinking clerical work; credentials whose occupations need a
 * degree are a pathway, not a job now.
 */
class CredentialValueTest extends DemoDataTest {
    private static final String VALUE = "query($id: ID!, $r: String) { credential(id: $id) { name value(region: $r) {"
            + " tier region inDemand paysLivingWage qualifyingOccupation { socCode } reasons { rule passed detail }"
            + " occupations { occupation { socCode } entryWage wageFrom openToHighSchoolGraduates }"
            + " thresholds { rules livingWage demandOpenings configured baseline { nationalFallback } } } } }";

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
    void inTexasWelderAPlusAndAseOpenJobsInDemandAtTexasEntryWages() {
        Map<String, Object> welder = value("tx-ibc-351", "TX");
        assertThat(welder)
                .containsEntry("tier", "HIGH_VALUE")
                .containsEntry("region", "TX")
                .containsEntry("qualifyingOccupation", Map.of("socCode", "51-4121"));
        // Texas figures: entry wage $43,340 against Texas's 25th percentile of all wages, $34,100;
        // 5,640 openings a year against 0.08% of Texas's 1,891,370.
        assertThat(detail(welder, "ENTRY_WAGE")).contains("$43,340", "$34,100", "in TX");
        assertThat(detail(welder, "DEMAND")).contains("5,640 annual openings", "1,513");
        assertThat(value("tx-ibc-480", "TX"))
                .containsEntry("tier", "HIGH_VALUE")
                .containsEntry("qualifyingOccupation", Map.of("socCode", "15-1232"));
        Map<String, Object> ase = value("tx-ibc-130", "TX");
        assertThat(ase).containsEntry("tier", "HIGH_VALUE");
        assertThat(detail(ase, "ENTRY_WAGE")).contains("49-3023", "$36,940");
    }

    @Test
    void theNurseAideLicenseIsInDemandButPaysTooLittleAtEntry() {
        Map<String, Object> cna = value("tx-ibc-390", "TX");
        assertThat(cna).containsEntry("tier", "LOW_WAGE").containsEntry("inDemand", true);
        assertThat(detail(cna, "DEMAND")).contains("13,500 annual openings");
        assertThat(reason(cna, "ENTRY_WAGE"))
                .containsEntry("passed", false)
                .extracting(r -> r.get("detail"))
                .asString()
                .contains("$33,090", "$34,100");
    }

    @Test
    void officeSoftwareLeadsToShrinkingClericalWorkAndDegreeJobsAreAPathway() {
        assertThat(value("tx-ibc-551", "TX").get("tier")).isNotEqualTo("HIGH_VALUE");
        // After Effects: special effects artists and film editors need a bachelor's degree.
        Map<String, Object> afterEffects = value("tx-ibc-010", "TX");
        assertThat(afterEffects).containsEntry("tier", "PATHWAY_ONLY");
        assertThat(detail(afterEffects, "HIGH_SCHOOL_ENTRY")).contains("Bachelor's degree");
        assertThat(value("tx-ibc-500", "TX").get("tier")).isNotEqualTo("HIGH_VALUE");
    }

    @Test
    void theSameCredentialIsJudgedOnEachStatesOwnFigures() {
        Map<String, Object> texas = value("tx-ibc-351", "TX");
        Map<String, Object> guam = value("tx-ibc-351", "GU");
        assertThat(welders(guam)).containsEntry("entryWage", 39250).containsEntry("wageFrom", "GU");
        assertThat(welders(texas)).containsEntry("entryWage", 43340).containsEntry("wageFrom", "TX");
        // Guam's 25th percentile of all wages ($23,500) is below twice the poverty line for one
        // person ($31,920): the floor holds.
        assertThat(((Map<?, ?>) guam.get("thresholds")).get("livingWage")).isEqualTo(31920);
        assertThat(((Map<?, ?>) texas.get("thresholds")).get("livingWage")).isEqualTo(34100);
        assertThat(((Map<?, ?>) texas.get("thresholds")).get("demandOpenings"))
                .isNotEqualTo(((Map<?, ?>) guam.get("thresholds")).get("demandOpenings"));
    }

    @Test
    void aRegionWithoutFiguresFallsBackToTheNationAndSaysSo() {
        Map<String, Object> samoa = value("tx-ibc-351", "AS");
        assertThat(((Map<?, ?>) ((Map<?, ?>) samoa.get("thresholds")).get("baseline")).get("nationalFallback"))
                .isEqualTo(true);
        assertThat(detail(samoa, "ENTRY_WAGE")).contains("national figure: AS publishes none");
        assertThat((List<?>) samoa.get("occupations"))
                .allSatisfy(o -> assertThat(((Map<?, ?>) o).get("wageFrom")).isEqualTo("US"));
    }

    @Test
    void aRegionsRuleSetAndSettingsJudgeByThem() {
        Map<String, Object> aseInWashington = value("tx-ibc-130", "wa");
        assertThat(aseInWashington).containsEntry("region", "WA");
        assertThat(aseInWashington.get("thresholds"))
                .isEqualTo(Map.of(
                        "rules",
                        "ENTRY_LEVEL",
                        "livingWage",
                        60000,
                        // 0.08% of Washington's 579,960 openings a year.
                        "demandOpenings",
                        464,
                        "configured",
                        true,
                        "baseline",
                        Map.of("nationalFallback", false)));
        assertThat(aseInWashington.get("paysLivingWage")).isEqualTo(false);
        // Ohio's rule: 80% of Ohio's median wage ($48,060).
        Map<?, ?> ohio = (Map<?, ?>) value("tx-ibc-130", "OH").get("thresholds");
        assertThat(ohio.get("rules")).isEqualTo("OHIO");
        assertThat(ohio.get("livingWage")).isEqualTo(38448);

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
    private static Map<String, Object> welders(Map<String, Object> value) {
        return ((List<?>) value.get("occupations"))
                .stream()
                        .map(o -> (Map<String, Object>) o)
                        .filter(o ->
                                ((Map<?, ?>) o.get("occupation")).get("socCode").equals("51-4121"))
                        .findFirst()
                        .orElseThrow();
    }

    private static String detail(Map<String, Object> value, String rule) {
        return (String) reason(value, rule).get("detail");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reason(Map<String, Object> value, String rule) {
        return ((List<Map<String, Object>>) value.get("reasons"))
                .stream()
                        .filter(r -> rule.equals(r.get("rule")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("No reason " + rule + " in " + value.get("reasons")));
    }
}
