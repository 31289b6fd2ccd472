package org.credfolio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;

/**
 * Runs every GraphQL example of README.md, as the role its first line names, against the demo
 * data: the tour a newcomer follows must work.
 */
class ReadmeTourTest extends DemoDataTest {
    private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n# as: ([a-z-]+)\\n(.*?)```", Pattern.DOTALL);

    record Example(String role, String document) {}

    @Test
    void everyReadmeExampleRunsWithoutErrorsAgainstTheDemoData() throws IOException {
        List<Example> examples = examples(Files.readString(Path.of("README.md")));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        for (Example example : examples) {
            var response = tester(example.role())
                    .document(example.document())
                    .execute()
                    .returnResponse();
            assertThat(response.getErrors()).as(example.document()).isEmpty();
            Map<String, Object> data = response.getData();
            assertThat(data).as(example.document()).isNotNull();
            assertThat(data.values()).as(example.document()).doesNotContainNull();
        }
    }

    @Test
    void welderSearchFindsRealCredentialsWithWages() {
        tester("anonymous")
                .document(
                        """
                { credentials(filter: { nameContains: "AWS Certified Welder" }, first: 1) {
                    edges { node { id occupations { socCode medianAnnualWage } } } } }""")
                .execute()
                .path("credentials.edges[0].node.id")
                .entity(String.class)
                .isEqualTo("tx-ibc-351")
                .path("credentials.edges[0].node.occupations[*].socCode")
                .entityList(String.class)
                .contains("51-4121");
    }

    @Test
    void theSeedFilesAreTheLaborMarketReleasesInUse() {
        var releases = tester("anonymous")
                .document("{ laborMarketReleases { file source occupationsAdded } }")
                .execute();
        releases.path("laborMarketReleases[*].file")
                .entityList(String.class)
                .containsExactly(
                        "OEWS_NATIONAL",
                        "EMPLOYMENT_PROJECTIONS",
                        "ONET_OCCUPATIONS",
                        "ONET_JOB_ZONES",
                        "ONET_CAREER_CLUSTERS");
        releases.path("laborMarketReleases[0].source")
                .entity(String.class)
                .isEqualTo("bls/oews_national_may2024.csv")
                .path("laborMarketReleases[0].occupationsAdded")
                .entity(Integer.class)
                .isEqualTo(831);
    }

    @Test
    void demoProgramsCarryRealTexasNamesAndTheDemoLearnerHasProgress() {
        tester("anonymous")
                .document(
                        "{ programsOfStudy(districtId: \"demo-district\", first: 10) { edges { node { stateCode name } } } }")
                .execute()
                .path("programsOfStudy.edges[*].node.name")
                .entityList(String.class)
                .containsExactly("Information Technology Support and Services", "Nursing Science", "Welding");
        var mine = tester("learner")
                .document(
                        "{ myProgramsOfStudy { program { name } completedCourses { courseCode } progress { stage } } }")
                .execute();
        mine.path("myProgramsOfStudy[0].program.name")
                .entity(String.class)
                .isEqualTo("Information Technology Support and Services");
        mine.path("myProgramsOfStudy[0].completedCourses")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
        mine.path("myProgramsOfStudy[0].progress.stage").entity(String.class).satisfies(stage -> assertThat(stage)
                .isIn("PARTICIPANT", "CONCENTRATOR", "COMPLETER"));
    }

    @Test
    void demoCollegePublishesIllustrativeCreditRules() {
        tester("anonymous")
                .document("{ credential(id: \"tx-ibc-351\") { creditRules { courseCode institutionId notes } } }")
                .execute()
                .path("credential.creditRules[0].courseCode")
                .entity(String.class)
                .isEqualTo("WLDG 1428")
                .path("credential.creditRules[0].institutionId")
                .entity(String.class)
                .isEqualTo("demo-college")
                .path("credential.creditRules[0].notes")
                .entity(String.class)
                .satisfies(notes -> assertThat(notes).contains("Illustrative"));
    }

    private static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(readme);
        while (m.find()) {
            examples.add(new Example(m.group(1), m.group(2)));
        }
        return examples;
    }
}
