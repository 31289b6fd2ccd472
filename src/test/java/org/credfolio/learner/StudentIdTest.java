package org.credfolio.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Student ids as a district's SIS writes them, and finding a learner by one: what a loader needs so
 * that it does not keep its own mapping of student ids to Credfolio ids.
 */
class StudentIdTest extends IntegrationTest {
    private static final String CREATE = "mutation($i: LearnerInput!) { createLearner(input: $i) { id studentId } }";
    private static final String FIND =
            "query($s: String) { learners(filter: { studentId: $s }, first: 5) { edges { node { id studentId } } } }";
    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    @Test
    void sisFormattedIdsAreKeptAsWrittenAndFoundExactly() {
        for (String sisId : List.of("SIS_2027.0042", "000123", "S-12/A", "Dupré 7")) {
            String id = as(world.registrarA())
                    .document(CREATE)
                    .variable("i", input(sisId))
                    .execute()
                    .path("createLearner.studentId")
                    .entity(String.class)
                    .isEqualTo(sisId)
                    .path("createLearner.id")
                    .entity(String.class)
                    .get();
            List<Map<String, Object>> found = find(world.registrarA(), sisId);
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).containsEntry("id", id);
        }
        assertThat(find(world.registrarA(), "SIS_2027.004")).isEmpty();
    }

    @Test
    void anotherDistrictFindsNothingByTheSameId() {
        as(world.registrarA())
                .document(CREATE)
                .variable("i", input("SIS_2027.0042"))
                .execute();
        assertThat(find(world.registrarB(), "SIS_2027.0042")).isEmpty();
    }

    @Test
    void controlCharactersOuterSpacesAndOverlongIdsAreRefusedByField() {
        for (String bad : List.of("bad\u0007id", " 123", "123 ", "a\tb", "x".repeat(65))) {
            as(world.registrarA())
                    .document(CREATE)
                    .variable("i", input(bad))
                    .execute()
                    .errors()
                    .expect(e -> "input.studentId".equals(e.getExtensions().get("field")))
                    .verify();
        }
    }

    private Map<String, Object> input(String studentId) {
        return Map.of(
                "schoolId",
                world.schoolA().id(),
                "studentId",
                studentId,
                "givenName",
                "Ana",
                "familyName",
                "Dupré",
                "graduationYear",
                2027);
    }

    private List<Map<String, Object>> find(Tenants.User registrar, String studentId) {
        return as(registrar)
                .document(FIND)
                .variable("s", studentId)
                .execute()
                .path("learners.edges[*].node")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }
}
