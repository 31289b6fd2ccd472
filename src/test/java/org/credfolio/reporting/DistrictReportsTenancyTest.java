package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Learner;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** A district admin sees their own district's reports, counted from their own learners only. */
class DistrictReportsTenancyTest extends IntegrationTest {
    private static final String EQUITY = "query($d: ID!) { equity(districtId: $d) { overall { learners attained }"
            + " dimensions { dimension groups { group suppressed learners attained } } } }";
    private static final String AUDIT = "query($d: ID!) { credentialAudit(districtId: $d) { learners"
            + " rows { credential { id } earners recommendation } } }";

    private Tenants.World world;

    @BeforeEach
    void district() {
        world = tenants.create();
        // 14 more learners in district A: 12 female, 2 male; 11 of all 15 earn the welding credential.
        for (int i = 0; i < 14; i++) {
            Learner learner = learner(i < 12 ? Demographics.Gender.FEMALE : Demographics.Gender.MALE);
            if (i < 11) {
                recordCredential(
                        world.registrarA(),
                        learner.id(),
                        world.welding().id(),
                        LocalDate.now().minusDays(3));
            }
        }
        recordCredential(
                world.registrarB(),
                world.learnerB().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(3));
    }

    private Learner learner(Demographics.Gender gender) {
        return tenants.learner(
                world.districtA(),
                world.schoolA(),
                "Test",
                "Learner",
                new Demographics(Demographics.RaceEthnicity.ASIAN, gender, true, false, false),
                List.of());
    }

    @Test
    void reportsCountOnlyTheDistrictsOwnLearnersAndHideSmallGroups() {
        Map<String, Object> equity = as(world.districtAdminA())
                .document(EQUITY)
                .variable("d", world.districtA().id())
                .execute()
                .path("equity")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(equity.get("overall")).isEqualTo(Map.of("learners", 15, "attained", 11));
        List<Map<String, Object>> gender = groups(equity, "gender");
        // MALE (2) is too small; FEMALE would then be the total minus MALE, so both hide... but the
        // learner without demographics (NOT_REPORTED, 1) is hidden too, and hidden groups must add
        // up to at least 10: FEMALE (12) goes with them.
        assertThat(gender).allSatisfy(g -> assertThat(g.get("suppressed")).isEqualTo(true));
        assertThat(gender).allSatisfy(g -> assertThat(g.get("learners")).isNull());
        List<Map<String, Object>> cte = groups(equity, "cteParticipant");
        assertThat(cte).extracting(g -> g.get("group")).containsExactly("NO", "YES");
        assertThat(cte).allSatisfy(g -> assertThat(g.get("suppressed")).isEqualTo(true));

        as(world.districtAdminA())
                .document(AUDIT)
                .variable("d", world.districtA().id())
                .execute()
                .path("credentialAudit.learners")
                .entity(Integer.class)
                .isEqualTo(15)
                .path("credentialAudit.rows[*].credential.id")
                .entityList(String.class)
                .containsExactly(world.welding().id())
                .path("credentialAudit.rows[0].earners")
                .entity(Integer.class)
                .isEqualTo(11);
    }

    @Test
    void anotherDistrictsAdminAndOtherRolesAreRefused() {
        for (Tenants.User outsider : List.of(world.districtAdminB(), world.registrarA(), world.platformAdmin())) {
            as(outsider)
                    .document(AUDIT)
                    .variable("d", world.districtA().id())
                    .execute()
                    .errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                    .verify();
        }
        as(world.districtAdminA())
                .document(AUDIT)
                .variable("d", world.schoolA().id())
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups(Map<String, Object> equity, String dimension) {
        return ((List<Map<String, Object>>) equity.get("dimensions"))
                .stream()
                        .filter(d -> dimension.equals(d.get("dimension")))
                        .map(d -> (List<Map<String, Object>>) d.get("groups"))
                        .findFirst()
                        .orElseThrow();
    }
}
