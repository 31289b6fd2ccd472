package org.credfolio.catalog.labormarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A platform admin loads a newer state release: the states in the file are judged by it at once,
 * and a file with an error changes nothing. Vermont is used because no other test judges it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalLoadTest extends IntegrationTest {
    private static final String LOAD = "mutation($f: RegionalLaborMarketFile!, $c: String!) {"
            + " loadRegionalLaborMarketFile(file: $f, content: $c) { applied states errorCount"
            + " problems { line column code } } }";
    private static final String VALUE = "query($id: ID!) { credential(id: $id) { value(region: \"VT\") {"
            + " occupations { occupation { socCode } entryWage wageFrom }"
            + " thresholds { livingWage baseline { entryWage source } } } } }";
    private static final String OEWS_HEADER =
            "state,soc_code,occupation_title,employment,a_pct10,a_pct25,a_median,o_group,flags\n";

    private Tenants.World world;

    @BeforeAll
    void world() {
        world = tenants.create();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewerStateReleaseJudgesItsStatesAtOnce() {
        Map<String, Object> before = value();
        assertThat(baseline(before).get("source").toString()).contains("OEWS May 2024");

        Map<String, Object> report = load(
                "OEWS_STATE",
                OEWS_HEADER
                        + "VT,00-0000,All Occupations,300000,30000,40000,52000,total,\n"
                        + "VT,51-4121,\"Welders, Cutters, Solderers, and Brazers\",900,39000,47123,52000,detailed,\n");
        assertThat(report).containsEntry("applied", true).containsEntry("states", List.of("VT"));

        Map<String, Object> after = value();
        assertThat(baseline(after)).containsEntry("entryWage", 40000);
        assertThat(baseline(after).get("source").toString()).startsWith("Loaded ");
        assertThat(((Map<?, ?>) after.get("thresholds")).get("livingWage")).isEqualTo(40000);
        assertThat((List<Object>) after.get("occupations")).contains((Object)
                Map.of("occupation", Map.of("socCode", "51-4121"), "entryWage", 47123, "wageFrom", "VT"));
    }

    @Test
    void aFileWithAnErrorIsRefusedWhole() {
        Map<String, Object> before = value();
        Map<String, Object> report = load(
                "STATE_PROJECTIONS",
                "state,soc_code,title,base_employment,projected_employment,percent_change,annual_openings,"
                        + "stfips,soc_level\n"
                        + "VT,51-4121,Welders,900,950,5.5,80,50,detailed\n"
                        + "VT,51-412,Welders,900,950,five,80,50,detailed\n");
        assertThat(report).containsEntry("applied", false).containsEntry("states", List.of());
        assertThat(report.get("problems").toString()).contains("BAD_CODE", "BAD_NUMBER");
        assertThat(value()).isEqualTo(before);
    }

    private Map<String, Object> load(String file, String content) {
        return as(world.platformAdmin())
                .document(LOAD)
                .variable("f", file)
                .variable("c", content)
                .execute()
                .errors()
                .verify()
                .path("loadRegionalLaborMarketFile")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private Map<String, Object> value() {
        return anonymous()
                .document(VALUE)
                .variable("id", world.welding().id())
                .execute()
                .errors()
                .verify()
                .path("credential.value")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> baseline(Map<String, Object> value) {
        return (Map<String, Object>) ((Map<?, ?>) value.get("thresholds")).get("baseline");
    }
}
