package org.credfolio.celebrations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardManagement;
import org.credfolio.awards.AwardStatus;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.CelebrationConsents;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes a celebration page from current records on every request: the event's learners are read
 * in batches of {@value #BATCH} (by district, school and graduation year), each batch's earned
 * credentials with one read, and each batch's consent with one read, so memory stays bounded by the
 * batch, the credential counts and the named list (at most {@value #MAX_NAMED}).
 */
@Component
class CelebrationTally {
    static final int BATCH = 500;
    static final int MAX_NAMED = 2000;

    private final CelebrationManagement celebrations;
    private final CelebrationConsents consents;
    private final AwardManagement awards;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final int minCellSize;

    CelebrationTally(
            CelebrationManagement celebrations,
            CelebrationConsents consents,
            AwardManagement awards,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            @Value("${credfolio.reports.min-cell-size:10}") int minCellSize) {
        this.celebrations = celebrations;
        this.consents = consents;
        this.awards = awards;
        this.catalog = catalog;
        this.organizations = organizations;
        this.minCellSize = Math.max(1, minCellSize);
    }

    /** A credential and how many times the event's learners earned it; {@code shown} false when withheld. */
    record Row(String name, long count, Withheld withheld) {}

    enum Withheld {
        NO,
        /** Fewer than the minimum cell size. */
        SMALL,
        /** Large enough, but withheld so that the small ones cannot be worked out from the total. */
        COMPLEMENTARY
    }

    /**
     * @param credentials credentials earned in the range by the event's learners (active ones only)
     * @param earners learners who earned at least one of them
     * @param named display names of learners who may be named, sorted, at most {@value #MAX_NAMED}
     * @param nameable how many learners may be named in all
     */
    record Tally(
            Celebration celebration,
            String districtName,
            String schoolName,
            long credentials,
            long earners,
            List<Row> rows,
            List<String> named,
            long nameable,
            int minCellSize) {}

    Optional<Celebration> find(String id) {
        return celebrations.find(id);
    }

    Tally tally(Celebration c) {
        Map<String, Long> perCredential = new HashMap<>();
        long credentials = 0;
        long earners = 0;
        long nameable = 0;
        TreeSet<Learner> named =
                new TreeSet<>(Comparator.comparing(Learner::sortName, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Learner::id));
        String after = null;
        while (true) {
            List<Learner> batch = consents.eventBatch(c.districtId(), c.schoolId(), c.graduationYear(), after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Map<String, List<Award>> held = awards.forLearners(batch);
            Set<String> mayBeNamed =
                    consents.nameable(batch.stream().map(Learner::id).toList());
            for (Learner learner : batch) {
                long earned = 0;
                for (Award award : held.getOrDefault(learner.id(), List.of())) {
                    if (counts(award, c.earnedFrom(), c.earnedTo())) {
                        earned++;
                        perCredential.merge(award.credentialId(), 1L, Long::sum);
                    }
                }
                if (earned == 0) {
                    continue;
                }
                credentials += earned;
                earners++;
                if (mayBeNamed.contains(learner.id())) {
                    nameable++;
                    named.add(learner);
                    if (named.size() > MAX_NAMED) {
                        named.pollLast();
                    }
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
        }
        Map<String, String> names = catalog.getAll(perCredential.keySet()).stream()
                .collect(Collectors.toMap(CredentialDefinition::id, CredentialDefinition::name, (a, b) -> a));
        String schoolName = c.schoolId() == null
                ? null
                : organizations.find(c.schoolId()).map(Organization::name).orElse(null);
        return new Tally(
                c,
                organizations.find(c.districtId()).map(Organization::name).orElse(""),
                schoolName,
                credentials,
                earners,
                rows(perCredential, names, credentials),
                named.stream().map(Learner::displayName).toList(),
                nameable,
                minCellSize);
    }

    /** Active credentials earned within the range count; revoked and suspended ones do not. */
    static boolean counts(Award award, LocalDate from, LocalDate to) {
        return award.status() == AwardStatus.ACTIVE
                && award.earnedOn() != null
                && !award.earnedOn().isBefore(from)
                && !award.earnedOn().isAfter(to);
    }

    /**
     * Rows, most earned first. Counts under the minimum cell size are withheld ("fewer than N"): in
     * a small school one or two awards of a rare credential can point at a learner. Then, as the
     * district reports do, more rows are withheld, smallest first, until the withheld rows are at
     * least two and together hold at least the minimum, so no withheld count is the total minus
     * the shown ones.
     */
    private List<Row> rows(Map<String, Long> counts, Map<String, String> names, long total) {
        Function<String, String> name = id -> names.getOrDefault(id, id);
        List<String> smallestFirst = counts.keySet().stream()
                .sorted(Comparator.<String>comparingLong(counts::get).thenComparing(name))
                .toList();
        Map<String, Withheld> withheld = new HashMap<>();
        long withheldCount = 0;
        for (String id : smallestFirst) {
            if (counts.get(id) < minCellSize || total < minCellSize) {
                withheld.put(id, Withheld.SMALL);
                withheldCount += counts.get(id);
            }
        }
        if (!withheld.isEmpty()) {
            for (String id : smallestFirst) {
                if (withheld.size() >= 2 && withheldCount >= minCellSize) {
                    break;
                }
                if (!withheld.containsKey(id)) {
                    withheld.put(id, Withheld.COMPLEMENTARY);
                    withheldCount += counts.get(id);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Row> hidden = new ArrayList<>();
        for (String id : counts.keySet()) {
            Withheld why = withheld.getOrDefault(id, Withheld.NO);
            (why == Withheld.NO ? rows : hidden).add(new Row(name.apply(id), counts.get(id), why));
        }
        rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::name));
        // Withheld rows by name only: their order must not hint at their sizes.
        hidden.sort(Comparator.comparing(Row::name));
        rows.addAll(hidden);
        return rows;
    }
}
