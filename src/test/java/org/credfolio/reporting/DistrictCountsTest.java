package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.learner.Learner;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * What the report pipelines count: a learner who earns a credential twice is one earner and two
 * awards, a revoked award counts nowhere, and a family-paid exam is not coverage.
 */
class DistrictCountsTest extends IntegrationTest {
    private static final String AUDIT =
            "query($d: ID!) { credentialAudit(districtId: $d) {" + " rows { credential { id } earners awards } } }";
    private static final String FUNDING = "query($d: ID!) { funding(districtId: $d) { exams coveredExams"
            + " learnersServed sources { payer exams amount learners } } }";

    private Tenants.World world;

    @BeforeEach
    void awards() {
        world = tenants.create();
        String twice = learner().id();
        String familyOnly = learner().id();
        LocalDate day = LocalDate.now().minusDays(30);
        record(twice, world.welding().id(), day, "DISTRICT", "120.00");
        record(twice, world.welding().id(), day.plusDays(7), "FAMILY", "120.00");
        String revoked = record(twice, world.aPlus().id(), day, "PERKINS", "250.00");
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", revoked, "reason", "Recorded for the wrong learner."))
                .execute()
                .path("revokeEarnedCredential.id")
                .entity(String.class)
                .isEqualTo(revoked);
        record(familyOnly, world.welding().id(), day, "FAMILY", "120.00");
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.aPlus().id(), day);
    }

    @Test
    void earnersAreCountedOnceAndRevokedAwardsNotAtAll() {
        Map<String, Map<String, Object>> rows =
                byKey(report(AUDIT, "credentialAudit", "rows"), r -> ((Map<?, ?>) r.get("credential")).get("id"));
        assertThat(rows.get(world.welding().id())).containsEntry("earners", 2).containsEntry("awards", 3);
        assertThat(rows.get(world.aPlus().id())).containsEntry("earners", 1).containsEntry("awards", 1);
    }

    @Test
    void fundingCountsExamsAmountsAndLearnersPerPayer() {
        Map<String, Object> funding = as(world.districtAdminA())
                .document(FUNDING)
                .variable("d", world.districtA().id())
                .execute()
                .path("funding")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(funding).containsEntry("exams", 3).containsEntry("coveredExams", 1);
        // Only the learner whose district paid was served; the family paid for the other.
        assertThat(funding).containsEntry("learnersServed", 1);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> sources =
                byKey((List<Map<String, Object>>) funding.get("sources"), s -> s.get("payer"));
        assertThat(sources.get("DISTRICT")).containsEntry("exams", 1).containsEntry("learners", 1);
        assertThat(amount(sources.get("DISTRICT"))).isEqualByComparingTo("120");
        assertThat(sources.get("FAMILY")).containsEntry("exams", 2).containsEntry("learners", 2);
        assertThat(amount(sources.get("FAMILY"))).isEqualByComparingTo("240");
        assertThat(sources.get("PERKINS")).containsEntry("exams", 0).containsEntry("learners", 0);
        assertThat(amount(sources.get("PERKINS"))).isEqualByComparingTo("0");
    }

    private String record(String learnerId, String credentialId, LocalDate earnedOn, String payer, String amount) {
        return recordCredential(
                world.registrarA(),
                learnerId,
                credentialId,
                earnedOn,
                Map.of("examFee", Map.of("payer", payer, "amount", amount)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> report(String query, String report, String field) {
        return as(world.districtAdminA())
                .document(query)
                .variable("d", world.districtA().id())
                .execute()
                .path(report + "." + field)
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    private static Map<String, Map<String, Object>> byKey(
            List<Map<String, Object>> rows, Function<Map<String, Object>, Object> key) {
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(key.apply(r)), r -> r));
    }

    private static BigDecimal amount(Map<String, Object> source) {
        return new BigDecimal(String.valueOf(source.get("amount")));
    }

    private Learner learner() {
        return tenants.learner(world.districtA(), world.schoolA(), "Test", "Learner");
    }
}
