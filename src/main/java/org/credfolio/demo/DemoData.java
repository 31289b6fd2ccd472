package org.credfolio.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;

/**
 * The fictional demo tenant: its organizations, 300 synthetic learners and their earned
 * credentials. Generation is deterministic (fixed seeds, fixed reference date), so every install
 * shows the same demo and the README can describe it.
 */
final class DemoData {
    /** Separate seeds, so that changing how awards are drawn leaves the learners unchanged. */
    private static final long LEARNER_SEED = 20_260_901L;

    private static final long AWARD_SEED = 20_260_902L;

    /** When the demo organizations "joined": before any learner enrolled or award was recorded. */
    static final Instant ORGANIZATIONS_CREATED =
            LocalDate.of(2023, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DemoData() {}

    record DemoDataSet(List<Organization> organizations, List<Learner> learners, Map<String, List<Award>> awards) {
        Map<String, String> districtByLearner() {
            Map<String, String> districts = new LinkedHashMap<>();
            learners.forEach(l -> districts.put(l.id(), l.districtId()));
            return districts;
        }

        int awardCount() {
            return awards.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Generates the tenant against the catalog; only credentials in it are awarded. */
    static DemoDataSet generate(List<CredentialDefinition> catalog, List<String> programsOfStudy) {
        List<Learner> learners = new DemoLearners(new Random(LEARNER_SEED), programsOfStudy).generate();
        Map<String, CredentialDefinition> byId = catalog.stream()
                .collect(Collectors.toMap(
                        CredentialDefinition::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Award>> awards = new DemoAwards(new Random(AWARD_SEED), byId).generate(learners);
        return new DemoDataSet(DemoOrganizations.all(ORGANIZATIONS_CREATED), learners, awards);
    }
}
