package org.credfolio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardStatus;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialDefinition.StateListing;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.LaborMarketRelease;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.labormarket.OewsNationalFile;
import org.credfolio.catalog.seed.CatalogSeed;
import org.credfolio.catalog.seed.OccupationSeed;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed files parse to the figures they hold, and the demo generator keeps its promises. */
class SeedParsingTest {
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private static OccupationSeed.Seed seed;
    private static Map<String, Occupation> occupations;
    private static CatalogSeed.Catalog catalog;
    private static Map<String, CredentialDefinition> credentials;

    @BeforeAll
    static void parseSeeds() {
        seed = OccupationSeed.load(NOW);
        occupations = byId(seed.occupations(), Occupation::socCode);
        catalog = CatalogSeed.load(NOW);
        credentials = byId(catalog.credentials(), CredentialDefinition::id);
    }

    @Test
    void automotiveTechniciansCarryOewsProjectionsAndOnetFigures() {
        Occupation auto = occupations.get("49-3023");

        assertThat(auto.title()).isEqualTo("Automotive Service Technicians and Mechanics");
        assertThat(auto.medianAnnualWage()).isEqualTo(49_670);
        assertThat(auto.annualOpenings()).isEqualTo(70_000);
        assertThat(auto.growthPercent()).isEqualTo(4.2);
        assertThat(auto.jobZone()).isEqualTo(3);
        assertThat(auto.typicalEducation()).isEqualTo("Postsecondary nondegree award");
        assertThat(auto.description()).isEqualTo("Diagnose, adjust, repair, or overhaul automotive vehicles.");
        assertThat(auto.careerClusters()).containsExactly("Transportation, Distribution & Logistics");
    }

    @Test
    void registeredNursesUseTheSocRowNotItsSpecialties() {
        Occupation nurses = occupations.get("29-1141");

        assertThat(nurses.title()).isEqualTo("Registered Nurses");
        assertThat(nurses.medianAnnualWage()).isEqualTo(93_600);
        assertThat(nurses.annualOpenings()).isEqualTo(189_100);
        assertThat(nurses.growthPercent()).isEqualTo(4.9);
        assertThat(nurses.jobZone()).isEqualTo(4); // the .00 row; specialties .01-.04 say 3, 5, 4, 5
        assertThat(nurses.typicalEducation()).isEqualTo("Bachelor's degree");
        assertThat(nurses.description()).startsWith("Assess patient health problems and needs");
        assertThat(nurses.careerClusters()).containsExactly("Health Science");
    }

    @Test
    void topCodedWagesAreTheThresholdAndSuppressedWagesAreNull() {
        assertThat(occupations.get("29-1211").medianAnnualWage()).isEqualTo(OewsNationalFile.TOP_CODED_ANNUAL_WAGE);
        assertThat(occupations.get("27-2011").medianAnnualWage()).isNull();
        assertThat(occupations.get("27-2011").annualOpenings()).isEqualTo(6_300);
    }

    @Test
    void everyDetailedOrProjectedSocIsAnOccupation() {
        // 831 OEWS detailed occupations plus 45-3031, which only the Projections list.
        assertThat(occupations).hasSize(832);
        Occupation fishers = occupations.get("45-3031");
        assertThat(fishers.title()).isEqualTo("Fishing and Hunting Workers");
        assertThat(fishers.medianAnnualWage()).isNull();
        assertThat(fishers.annualOpenings()).isEqualTo(2_800);
        assertThat(fishers.growthPercent()).isEqualTo(-4.6);
    }

    @Test
    void eachSeedFileCountsAsTheFirstReleaseOfItsFile() {
        assertThat(seed.releases()).extracting(LaborMarketRelease::file).containsExactly(LaborMarketFile.values());
        LaborMarketRelease oews = seed.releases().get(0);
        assertThat(oews.source()).isEqualTo("bls/oews_national_may2024.csv");
        assertThat(oews.dataRows()).isEqualTo(1403);
        assertThat(oews.occupationsAdded()).isEqualTo(831);
        assertThat(oews.loadedAt()).isEqualTo(NOW);
        assertThat(oews.sha256()).matches("[0-9a-f]{64}");
        LaborMarketRelease jobZones = seed.releases().get(3);
        assertThat(jobZones.occupationsUpdated()).isPositive().isLessThanOrEqualTo(832);
        assertThat(jobZones.occupationsAdded()).isZero();
    }

    @Test
    void catalogHasEveryTexasCredentialAndVendor() {
        assertThat(catalog.credentials()).hasSize(244);
        assertThat(catalog.certifyingBodies()).hasSize(55);
        assertThat(catalog.occupationLinks()).hasSize(350);
        assertThat(catalog.certifyingBodies())
                .allMatch(o -> o.type() == OrganizationType.CERTIFYING_BODY && o.id().equals("tx-vendor-" + o.code()));
        assertThat(catalog.certifyingBodies())
                .anyMatch(o -> o.id().equals("tx-vendor-110") && o.name().equals("Adobe"));
    }

    @Test
    void compTiaAPlusCarriesCuratedDetailsAndOccupations() {
        CredentialDefinition aPlus = credentials.get("tx-ibc-480");

        assertThat(aPlus.name()).isEqualTo("Comp TIA A Plus Certification");
        assertThat(aPlus.type()).isEqualTo(CredentialType.CERTIFICATION);
        assertThat(aPlus.occupations()).containsExactly("15-1232", "49-2011");
        assertThat(aPlus.certifyingBodyId()).isNull(); // CompTIA is not on the TEA vendor list
        assertThat(aPlus.renewalMonths()).isEqualTo(36);
        assertThat(aPlus.typicalExamFee()).isEqualByComparingTo(new BigDecimal("506"));
        assertThat(aPlus.stacksInto()).containsExactly("tx-ibc-490");
        assertThat(aPlus.stateListings()).containsExactly(new StateListing("TX", "480"));
        assertThat(aPlus.curatedBy()).isNull();
        assertThat(catalog.occupationLinks())
                .filteredOn(l ->
                        l.credentialId().equals("tx-ibc-480") && l.socCode().equals("15-1232"))
                .singleElement()
                .satisfies(l ->
                        assertThat(l.sourceNote()).startsWith("O*NET/BLS: 15-1232 Computer User Support Specialists"));
    }

    @Test
    void descriptionsStateOnlyFacts() {
        assertThat(credentials.get("tx-ibc-010").description())
                .isEqualTo("Adobe Certified Associate After Effects: industry-based certification from Adobe"
                        + " on the Texas Education Agency list (code 010).");
        assertThat(credentials.get("tx-ibc-390").description())
                .isEqualTo("Certified Nurse Aide/Assistant: license on the Texas Education Agency list (code 390)."
                        + " Renewal is due every 24 months.");
    }

    @Test
    void everyReferenceInTheCatalogResolves() {
        Set<String> bodies =
                catalog.certifyingBodies().stream().map(Organization::id).collect(Collectors.toSet());
        for (CredentialDefinition credential : catalog.credentials()) {
            assertThat(credentials.keySet()).as(credential.id()).containsAll(credential.stacksInto());
            if (credential.certifyingBodyId() != null) {
                assertThat(bodies).as(credential.id()).contains(credential.certifyingBodyId());
            }
            assertThat(occupations.keySet()).as(credential.id()).containsAll(credential.occupations());
            assertThat(credential.type()).isNotNull();
            assertThat(credential.portability()).isNotNull();
        }
    }

    @Test
    void demoDataIsDeterministic() {
        DemoData.DemoDataSet first = DemoData.generate(catalog.credentials(), CatalogSeed.programsOfStudy());
        DemoData.DemoDataSet second = DemoData.generate(catalog.credentials(), CatalogSeed.programsOfStudy());

        assertThat(first).isEqualTo(second);
    }

    @Test
    void demoLearnersAndAwardsAreConsistent() {
        DemoData.DemoDataSet demo = DemoData.generate(catalog.credentials(), CatalogSeed.programsOfStudy());

        assertThat(demo.learners()).hasSize(300);
        assertThat(demo.learners().get(0).id()).isEqualTo("demo-learner-001");
        assertThat(demo.learners().get(299).studentId()).isEqualTo("CH-000300");
        assertThat(demo.awards().get("demo-learner-001")).hasSizeGreaterThanOrEqualTo(3);
        for (Map.Entry<String, List<Award>> held : demo.awards().entrySet()) {
            assertThat(held.getValue()).extracting(Award::dedupKey).doesNotHaveDuplicates();
            for (Award award : held.getValue()) {
                assertThat(award.id()).matches(held.getKey().replace(".", "\\.") + "\\.[0-9a-f]{16}");
                assertThat(award.learnerId()).isEqualTo(held.getKey());
                assertThat(credentials).containsKey(award.credentialId());
                assertThat(award.dedupKey()).isEqualTo(award.credentialId() + "@" + award.earnedOn());
                assertThat(award.earnedOn())
                        .isBetween(
                                DemoAwards.REFERENCE_DATE.minusMonths(30), DemoAwards.REFERENCE_DATE.minusMonths(12));
                assertThat(award.recordedBy()).isEqualTo("demo-loader");
            }
        }
    }

    @Test
    void demoAttainmentIsRealistic() {
        DemoData.DemoDataSet demo = DemoData.generate(catalog.credentials(), CatalogSeed.programsOfStudy());
        List<Learner> cte =
                demo.learners().stream().filter(l -> !l.ctePathways().isEmpty()).toList();
        long cteEarners =
                cte.stream().filter(l -> demo.awards().containsKey(l.id())).count();
        long otherEarners = demo.awards().size() - cteEarners;

        assertThat(cte.size() / 300.0).isBetween(0.5, 0.7);
        assertThat(cteEarners / (double) cte.size()).isBetween(0.35, 0.55);
        assertThat(otherEarners / (double) (300 - cte.size())).isBetween(0.04, 0.18);
        assertThat(CatalogSeed.programsOfStudy()).containsAll(CredentialChoice.mappedPathways());
        assertThat(demo.awards().values().stream().flatMap(List::stream))
                .anyMatch(a -> a.status() != AwardStatus.ACTIVE && a.statusReason() != null);
    }

    @Test
    void demoAccountsCoverEveryRole() {
        List<Account> accounts = DemoAccounts.all("{noop}secret", "demo-school-chhs", NOW);

        assertThat(accounts)
                .extracting(Account::username)
                .contains(
                        "registrar@demo.credfolio.org",
                        "district-admin@demo.credfolio.org",
                        "platform-admin@demo.credfolio.org");
        assertThat(accounts).hasSize(Role.values().length);
        Account learner = accounts.stream()
                .filter(a -> a.role() == Role.LEARNER)
                .findFirst()
                .orElseThrow();
        assertThat(learner.learnerId()).isEqualTo("demo-learner-001");
        assertThat(learner.organizationId()).isEqualTo("demo-school-chhs");
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
