package org.credfolio.catalog.value;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.Portability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Classifies catalog credentials for a region: public, since it rests on public figures and on
 * what organizations said publicly about the credentials.
 */
@Service
@EnableConfigurationProperties(ValueProperties.class)
public class CredentialValues {
    private final CatalogManagement catalog;
    private final CredentialReviews reviews;
    private final ValueProperties properties;
    private final MongoOperations mongo;
    private final Clock clock;

    CredentialValues(
            CatalogManagement catalog, CredentialReviews reviews, ValueProperties properties, MongoOperations mongo) {
        this.catalog = catalog;
        this.reviews = reviews;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    public ValueThresholds thresholds(String region) {
        return properties.thresholds(Regions.require(region, "region"));
    }

    /** The whole catalog, keyed by credential id: what reports judge a district's offerings by. */
    public Map<String, CredentialValue> catalog(String region) {
        return classify(mongo.findAll(CredentialDefinition.class), region);
    }

    /** The given credentials, keyed by id, in the order given. */
    public Map<String, CredentialValue> classify(Collection<CredentialDefinition> credentials, String regionName) {
        ValueThresholds t = thresholds(regionName);
        Map<String, CredentialDefinition> all = new LinkedHashMap<>();
        credentials.forEach(c -> all.put(c.id(), c));
        Set<String> targets = credentials.stream()
                .flatMap(c -> c.stacksInto().stream())
                .filter(id -> !all.containsKey(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        catalog.getAll(targets).forEach(c -> all.put(c.id(), c));

        Map<String, Occupation> occupations = catalog
                .occupations(all.values().stream()
                        .flatMap(c -> c.occupations().stream())
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Occupation::socCode, Function.identity()));
        Map<String, ReviewSummary> summaries = reviews.summaries(t.region(), all.keySet());
        Map<String, LaborMarketJudgement> judgements = new HashMap<>();
        all.values().forEach(c -> judgements.put(c.id(), judge(c, occupations, summaries, t)));

        Map<String, CredentialValue> values = new LinkedHashMap<>();
        for (CredentialDefinition c : credentials) {
            values.put(c.id(), value(c, judgements, summaries.getOrDefault(c.id(), ReviewSummary.NONE), all, t));
        }
        return values;
    }

    private static LaborMarketJudgement judge(
            CredentialDefinition c,
            Map<String, Occupation> occupations,
            Map<String, ReviewSummary> summaries,
            ValueThresholds t) {
        List<Occupation> linked = c.occupations().stream()
                .map(occupations::get)
                .filter(o -> o != null)
                .toList();
        return LaborMarketJudgement.of(
                linked, t, summaries.getOrDefault(c.id(), ReviewSummary.NONE).endorsementCount());
    }

    private CredentialValue value(
            CredentialDefinition c,
            Map<String, LaborMarketJudgement> judgements,
            ReviewSummary summary,
            Map<String, CredentialDefinition> all,
            ValueThresholds t) {
        LaborMarketJudgement judgement = judgements.get(c.id());
        List<ValueReason> reasons = new ArrayList<>(judgement.reasons());
        Portability portability = c.portability();
        reasons.add(new ValueReason(
                "PORTABILITY",
                portability != null && portability != Portability.LOCAL,
                portability == null ? "Portability not recorded." : "Recognized: " + portability + "."));

        List<String> highValueTargets = c.stacksInto().stream()
                .filter(id -> judgements.containsKey(id) && judgements.get(id).tier() == ValueTier.HIGH_VALUE)
                .toList();
        reasons.add(stackReason(c, highValueTargets, all));

        List<CredentialDefinition.StateListing> listings = c.stateListings() == null
                ? List.of()
                : c.stateListings().stream()
                        .filter(l ->
                                t.region().equals(Regions.NATIONAL) || l.state().equals(t.region()))
                        .toList();
        reasons.add(new ValueReason(
                "STATE_LIST",
                !listings.isEmpty(),
                listings.isEmpty()
                        ? "Not on " + (t.region().equals(Regions.NATIONAL) ? "any state's" : t.region() + "'s")
                                + " credential list."
                        : listings.stream()
                                        .map(l -> "Listed by " + l.state() + " (code " + l.code() + ")")
                                        .collect(Collectors.joining("; "))
                                + "."));

        reasons.add(new ValueReason(
                "EMPLOYER_ENDORSEMENTS",
                summary.endorsementCount() > 0,
                summary.endorsementCount() + " employer endorsement(s) in " + t.region() + "."));

        boolean overdue = reviewOverdue(summary);
        reasons.add(reviewReason(summary, overdue, t));

        return new CredentialValue(
                c.id(),
                t.region(),
                judgement.tier(),
                judgement.inDemand(),
                judgement.paysLivingWage(),
                judgement.qualifyingOccupation(),
                judgement.peakOpenings(),
                portability,
                highValueTargets,
                !listings.isEmpty(),
                summary.endorsementCount(),
                summary,
                overdue,
                t,
                List.copyOf(reasons));
    }

    private static ValueReason stackReason(
            CredentialDefinition c, List<String> highValueTargets, Map<String, CredentialDefinition> all) {
        if (c.stacksInto().isEmpty()) {
            return new ValueReason("STACKABILITY", false, "Stacks into no catalog credential.");
        }
        String names = c.stacksInto().stream()
                .filter(all::containsKey)
                .map(id -> all.get(id).name() + (highValueTargets.contains(id) ? " (high value)" : ""))
                .collect(Collectors.joining(", "));
        return new ValueReason("STACKABILITY", !highValueTargets.isEmpty(), "Stacks into " + names + ".");
    }

    private boolean reviewOverdue(ReviewSummary summary) {
        if (summary.lastReviewedAt() == null) {
            return true;
        }
        LocalDate reviewed = summary.lastReviewedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return reviewed.plus(properties.reviewMaxAge()).isBefore(LocalDate.now(clock));
    }

    private ValueReason reviewReason(ReviewSummary summary, boolean overdue, ValueThresholds t) {
        if (summary.latest() == null) {
            return new ValueReason("VALIDATION_REVIEW", false, "Never reviewed in " + t.region() + ".");
        }
        ValidationReview latest = summary.latest();
        String when = latest.reviewedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String detail = "Last reviewed " + when + " by a " + latest.reviewerType() + ", average score "
                + String.format(java.util.Locale.US, "%.1f", latest.scores().average()) + " of 5"
                + (overdue ? "; older than " + properties.reviewMaxAge().toTotalMonths() + " months, due again." : ".");
        return new ValueReason("VALIDATION_REVIEW", !overdue, detail);
    }
}
