package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** The four reports on the demo district: 300 learners with real catalog credentials. */
class DemoDistrictReportsTest extends DemoDataTest {
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private Map<String, Object> report(String document, String field) {
        return tester("district-admin")
                .document(document)
                .execute()
                .path(field)
                .entity(MAP)
                .get();
    }

    @Test
    void allFourReportsRunOnTheDemoDistrict() {
        Map<String, Object> audit = report(
                "{ credentialAudit(districtId: \"demo-district\") { learners keepCount reviewCount phaseOutCount"
                        + " rows { credential { id name } value { tier } earners awards offeredIn recommendation because } } }",
                "credentialAudit");
        Map<String, Object> supply = report(
                "{ supplyDemand(districtId: \"demo-district\") { awards inDemandAwards inDemandPercent highValuePercent"
                        + " mostEarned { credential { name } awards tier } mostInDemand { credential { name } peakOpenings }"
                        + " overlap { name } undersupplied { credential { name } earnersPerThousand } } }",
                "supplyDemand");
        Map<String, Object> equity = report(
                "{ equity(districtId: \"demo-district\") { minCellSize overall { learners attained attainmentRate highValue"
                        + " highValueRate } dimensions { dimension groups { group suppressed learners attained"
                        + " attainmentRate attainmentGap highValue highValueRate highValueGap } } } }",
                "equity");
        Map<String, Object> funding = report(
                "{ funding(districtId: \"demo-district\") { exams amount coveredExams coveredAmount learnersServed"
                        + " sources { payer coverage exams amount learners } } }",
                "funding");
        assertThat(audit.get("learners")).isEqualTo(300);
        assertThat((List<?>) audit.get("rows")).isNotEmpty();
        assertThat((List<?>) supply.get("mostEarned"))
                .hasSizeLessThanOrEqualTo(10)
                .isNotEmpty();
        assertThat(equity.get("overall"))
                .extracting(o -> ((Map<?, ?>) o).get("learners"))
                .isEqualTo(300);
        assertThat((List<?>) funding.get("sources")).hasSize(6);
    }
}
