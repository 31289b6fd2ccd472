package org.credfolio.catalog.labormarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.FileProblem.Severity;
import org.junit.jupiter.api.Test;

/** The readers accept the shipped files as they are and report every kind of bad cell where it is. */
class LaborMarketFilesTest {
    private static final String OEWS_HEADER = "OCC_CODE,OCC_TITLE,O_GROUP,A_MEDIAN\n";
    private static final String PROJECTIONS_HEADER = "Occupation Title,Occupation Code,"
            + "\"Employment Percent Change, 2025-2035\",\"Occupational Openings, 2025-2035 Annual Average\","
            + "Typical Entry-Level Education\n";
    private static final String JOB_ZONES_HEADER = "O*NET-SOC Code\tTitle\tJob Zone\n";

    @Test
    void shippedFilesReadWithoutErrors() {
        ParsedFile<?> oews = OewsNationalFile.read(seed("bls/oews_national_may2024.csv"));
        ParsedFile<?> projections = EmploymentProjectionsFile.read(seed("bls/employment_projections_2024_2034.csv"));
        Set<String> known = new TreeSet<>(oews.figures().keySet());
        known.addAll(projections.figures().keySet());

        assertThat(oews.problems().count()).isZero();
        assertThat(oews.dataRows()).isEqualTo(1403);
        assertThat(oews.figures()).hasSize(831);
        assertThat(projections.problems().count()).isZero();
        assertThat(projections.figures()).hasSize(832);
        for (LaborMarketFile file : Set.of(
                LaborMarketFile.ONET_OCCUPATIONS,
                LaborMarketFile.ONET_JOB_ZONES,
                LaborMarketFile.ONET_CAREER_CLUSTERS)) {
            ParsedFile<?> onet = file.read(seed(onetPath(file)), known);
            assertThat(onet.problems().hasErrors()).as(file.name()).isFalse();
            assertThat(onet.figures()).as(file.name()).hasSizeGreaterThan(700);
        }
    }

    @Test
    void oewsAcceptsTopCodedAndUnpublishedWagesAndKeepsOnlyDetailedOccupations() {
        ParsedFile<OccupationFigures.Wage> file = OewsNationalFile.read(OEWS_HEADER
                + "51-0000,Production Occupations,major,44000\n"
                + "29-1211,Anesthesiologists,detailed,#\n"
                + "27-2011,Actors,detailed,*\n"
                + "13-2011,\"Accountants and Auditors\",detailed,\"81,680\"\n");

        assertThat(file.problems().count()).isZero();
        assertThat(file.figures()).containsOnlyKeys("29-1211", "27-2011", "13-2011");
        assertThat(file.figures().get("29-1211").medianAnnualWage()).isEqualTo(OewsNationalFile.TOP_CODED_ANNUAL_WAGE);
        assertThat(file.figures().get("27-2011").medianAnnualWage()).isNull();
        assertThat(file.figures().get("13-2011").medianAnnualWage()).isEqualTo(81_680);
    }

    @Test
    void oewsReportsEachBadCellWithItsLineColumnAndValue() {
        ParsedFile<?> file = OewsNationalFile.read(OEWS_HEADER
                + "51-4121,Welders,detailed,5l000\n"
                + "51-412,Welders,detailed,51000\n"
                + "51-4121,Welders,detail,51000\n"
                + "29-1141,Registered Nurses,detailed,-3\n"
                + "29-1141,Registered Nurses,detailed,93600\n");

        assertThat(file.problems().listed())
                .extracting(FileProblem::line, FileProblem::column, FileProblem::value, FileProblem::code)
                .containsExactly(
                        tuple(2, "A_MEDIAN", "5l000", ProblemCode.BAD_NUMBER),
                        tuple(3, "OCC_CODE", "51-412", ProblemCode.BAD_CODE),
                        tuple(4, "O_GROUP", "detail", ProblemCode.UNKNOWN_GROUP),
                        tuple(5, "A_MEDIAN", "-3", ProblemCode.OUT_OF_RANGE),
                        tuple(6, "OCC_CODE", "29-1141", ProblemCode.DUPLICATE_CODE));
        assertThat(file.problems().listed()).allMatch(p -> p.severity() == Severity.ERROR);
    }

    @Test
    void projectionsOfALaterDecadeReadTheSameWay() {
        ParsedFile<OccupationFigures.Projection> file = EmploymentProjectionsFile.read(PROJECTIONS_HEADER
                + "Registered nurses    * RN* Nurse,29-1141,4.9,189.1,Bachelor's degree\n"
                + "Actors,27-2011,N/A,6.3,\n");

        assertThat(file.problems().count()).isZero();
        OccupationFigures.Projection nurses = file.figures().get("29-1141");
        assertThat(nurses.title()).isEqualTo("Registered nurses");
        assertThat(nurses.annualOpenings()).isEqualTo(189_100);
        assertThat(nurses.growthPercent()).isEqualTo(4.9);
        assertThat(file.figures().get("27-2011").growthPercent()).isNull();
        assertThat(file.figures().get("27-2011").typicalEducation()).isNull();
    }

    @Test
    void jobZonesMustBeWholeNumbersFromOneToFive() {
        ParsedFile<?> file = OnetJobZonesFile.read(
                JOB_ZONES_HEADER
                        + "51-4121.00\tWelders\t7\n"
                        + "29-1141.00\tRegistered Nurses\t3.5\n"
                        + "13-2011.00\tAccountants\t\n"
                        + "49-3023\tAutomotive\t3\n",
                Set.of("51-4121", "29-1141", "13-2011", "49-3023"));

        assertThat(file.problems().listed())
                .extracting(FileProblem::line, FileProblem::column, FileProblem::code)
                .containsExactly(
                        tuple(2, "Job Zone", ProblemCode.OUT_OF_RANGE),
                        tuple(3, "Job Zone", ProblemCode.BAD_NUMBER),
                        tuple(4, "Job Zone", ProblemCode.MISSING_VALUE),
                        tuple(5, "O*NET-SOC Code", ProblemCode.BAD_CODE));
    }

    @Test
    void onetRowsOfUnknownOccupationsAreSkippedWithAWarningAndTheSocRowWins() {
        ParsedFile<OccupationFigures.JobZone> file = OnetJobZonesFile.read(
                JOB_ZONES_HEADER
                        + "29-1141.01\tAcute Care Nurses\t5\n"
                        + "29-1141.00\tRegistered Nurses\t4\n"
                        + "29-1141.02\tAdvanced Practice Psychiatric Nurses\t5\n"
                        + "99-9999.00\tNot an occupation here\t2\n",
                Set.of("29-1141"));

        assertThat(file.problems().hasErrors()).isFalse();
        assertThat(file.problems().listed()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_CODE);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(file.figures()).containsOnlyKeys("29-1141");
        assertThat(file.figures().get("29-1141").zone()).isEqualTo(4);
    }

    @Test
    void careerClustersGatherPerSocAndOnlyWarnOfARepeatedRow() {
        ParsedFile<OccupationFigures.CareerClusters> file = OnetCareerClustersFile.read(
                "Career Cluster,Career Pathway,Code,Occupation\n"
                        + "Health Science,Therapeutic Services,29-1141.00,Registered Nurses\n"
                        + "Health Science,Therapeutic Services,29-1141.01,Acute Care Nurses\n"
                        + "Human Services,Counseling,29-1141.00,Registered Nurses\n"
                        + "Human Services,Counseling,29-1141.00,Registered Nurses\n",
                Set.of("29-1141"));

        assertThat(file.problems().hasErrors()).isFalse();
        assertThat(file.problems().listed()).extracting(FileProblem::code).containsExactly(ProblemCode.DUPLICATE_CODE);
        assertThat(file.figures().get("29-1141").names()).containsExactly("Health Science", "Human Services");
    }

    @Test
    void anEmptyFileAHeaderAloneAndAMissingColumnAreRefused() {
        assertThat(OewsNationalFile.read("").problems().listed())
                .extracting(FileProblem::code)
                .containsExactly(ProblemCode.EMPTY_FILE);
        assertThat(OewsNationalFile.read(OEWS_HEADER).problems().listed())
                .extracting(FileProblem::code)
                .containsExactly(ProblemCode.NO_DATA_ROWS);
        assertThat(OewsNationalFile.read("OCC_CODE,OCC_TITLE,O_GROUP\n51-4121,Welders,detailed\n")
                        .problems()
                        .listed())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.MISSING_COLUMN);
                    assertThat(p.column()).isEqualTo("A_MEDIAN");
                    assertThat(p.line()).isEqualTo(1);
                });
    }

    @Test
    void problemsAreCountedInFullButListedUpToTheCapErrorsFirst() {
        StringBuilder text = new StringBuilder(JOB_ZONES_HEADER);
        for (int i = 0; i < 300; i++) {
            text.append(String.format("99-%04d.00\tUnknown\t2\n", i));
        }
        text.append("51-4121.00\tWelders\t9").append("9".repeat(100)).append('\n');

        FileProblems problems =
                OnetJobZonesFile.read(text.toString(), Set.of("51-4121")).problems();

        assertThat(problems.count()).isEqualTo(301);
        assertThat(problems.errorCount()).isEqualTo(1);
        assertThat(problems.listed()).hasSize(FileProblems.LISTED_AT_MOST);
        FileProblem error = problems.listed().get(FileProblems.LISTED_AT_MOST - 1);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.line()).isEqualTo(302);
        assertThat(error.value()).hasSize(FileProblems.VALUE_SHOWN_AT_MOST);
    }

    private static String onetPath(LaborMarketFile file) {
        switch (file) {
            case ONET_OCCUPATIONS:
                return "onet/occupation_data.txt";
            case ONET_JOB_ZONES:
                return "onet/job_zones.txt";
            default:
                return "onet/career_clusters.csv";
        }
    }

    static String seed(String path) {
        try (InputStream in = LaborMarketFilesTest.class.getClassLoader().getResourceAsStream("seed/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
