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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialCategory;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialOccupationLink;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.Portability;
import org.credfolio.catalog.regional.RegionalLaborMarket;
import org.credfolio.catalog.regional.RegionalLaborMarkets;
import org.credfolio.catalog.regional.RegionalOccupation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Classifies catalog credentials for a region: public, since it rests on public figures and on
 * what organizations said publicly about the credentials. A state is judged on its own figures
 * (wages, openings, growth); where it publishes none for an occupation, the nation's stand in and
 * the reasons say so.
 */
@Service
@EnableConfigurationProperties(ValueProperties.class)
public class CredentialValues {
    private final CatalogManagement catalog;
    private final CredentialReviews reviews;
    private final ValueProperties properties;
    private final MongoOperations mongo;
    private final RegionalLaborMarkets regional;
    private final Clock clock;

    CredentialValues(
            CatalogManagement catalog,
            CredentialReviews reviews,
            ValueProperties properties,
            MongoOperations mongo,
            RegionalLaborMarkets regional) {
        this.catalog = catalog;
        this.reviews = reviews;
        this.properties = properties;
        this.mongo = mongo;
        this.regional = regional;
        this.clock = Clock.systemUTC();
    }

    public ValueThresholds thresholds(String region) {
        String code = Regions.require(region, "region");
        return properties.thresholds(code, baseline(code, labor(code)));
    }

    private Optional<RegionalLaborMarket> labor(String region) {
        return Regions.NATIONAL.equals(region) ? Optional.empty() : regional.of(region);
    }

    /** The region's all-occupations figures; the nation's, marked as such, when it publishes none. */
    private RegionBaseline baseline(String region, Optional<RegionalLaborMarket> labor) {
        if (Regions.NATIONAL.equals(region)) {
            return RegionBaseline.NATIONAL;
        }
        RegionalOccupation total = labor.map(RegionalLaborMarket::total).orElse(null);
        if (total == null
                || total.entryWage() == null
                || total.medianWage() == null
                || total.annualOpenings() == null
                || total.growthPercent() == null) {
            RegionBaseline n = RegionBaseline.NATIONAL;
            return new RegionBaseline(
                    region,
                    n.entryWage(),
                    n.medianWage(),
                    n.annualOpenings(),
                    n.growthPercent(),
                    regional.povertyLine(region).orElse(n.povertyLine()),
                    n.source() + ": " + region + " publishes no all-occupations figures",
                    true);
        }
        return new RegionBaseline(
                region,
                total.entryWage(),
                total.medianWage(),
                total.annualOpenings(),
                total.growthPercent(),
                regional.povertyLine(region).orElse(RegionBaseline.NATIONAL.povertyLine()),
                labor.get().wageRelease() + "; " + labor.get().projectionsRelease(),
                false);
    }

    /** The whole catalog, keyed by credential id: what reports judge a district's offerings by. */
    public Map<String, CredentialValue> catalog(String region) {
        return classify(mongo.findAll(CredentialDefinition.class), region);
    }

    /** The given credentials, keyed by id, in the order given. */
    public Map<String, CredentialValue> classify(Collection<CredentialDefinition> credentials, String regionName) {
        String region = Regions.require(regionName, "region");
        Optional<RegionalLaborMarket> labor = labor(region);
        ValueThresholds t = properties.thresholds(region, baseline(region, labor));
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
        Map<String, String> roles = catalog
                .occupationLinks(all.values().stream()
                        .flatMap(c -> c.occupations().stream().map(soc -> CredentialOccupationLink.idOf(c.id(), soc)))
                        .toList())
                .stream()
                .filter(l -> l.role() != null)
                .collect(Collectors.toMap(
                        CredentialOccupationLink::id, l -> l.role().term(), (a, b) -> a));
        Map<String, ReviewSummary> summaries = reviews.summaries(t.region(), all.keySet());
        Map<String, LaborMarketJudgement> judgements = new HashMap<>();
        all.values().forEach(c -> judgements.put(c.id(), judge(c, occupations, roles, labor, summaries, t)));

        Map<String, CredentialValue> values = new LinkedHashMap<>();
        for (CredentialDefinition c : credentials) {
            values.put(c.id(), value(c, judgements, summaries.getOrDefault(c.id(), ReviewSummary.NONE), all, t));
        }
        return values;
    }

    private static LaborMarketJudgement judge(
            CredentialDefinition c,
            Map<String, Occupation> occupations,
            Map<String, String> roles,
            Optional<RegionalLaborMarket> labor,
            Map<String, ReviewSummary> summaries,
            ValueThresholds t) {
        List<OccupationOutlook> linked = c.occupations().stream()
                .map(occupations::get)
                .filter(o -> o != null)
                .map(o -> outlook(o, labor, roles.get(CredentialOccupationLink.idOf(c.id(), o.socCode())), t))
                .toList();
        return LaborMarketJudgement.of(
                linked,
                c.category() == CredentialCategory.GENERAL_CAREER_READINESS,
                c.category() == CredentialCategory.SOFTWARE,
                t,
                summaries.getOrDefault(c.id(), ReviewSummary.NONE).endorsementCount());
    }

    /**
     * The occupation in the region: its own figures where published, the nation's otherwise. National
     * openings are scaled to the region's share of all openings, so that they meet the region's own
     * bar; growth is a rate and is taken as it is.
     */
    private static OccupationOutlook outlook(
            Occupation national, Optional<RegionalLaborMarket> labor, String role, ValueThresholds t) {
        RegionalOccupation local =
                labor.map(l -> l.occupation(national.socCode())).orElse(null);
        boolean localWage = local != null && local.entryWage() != null;
        boolean localDemand = local != null && local.annualOpenings() != null;
        return new OccupationOutlook(
                national.socCode(),
                national.title(),
                localWage ? local.entryWage() : national.entryAnnualWage(),
                localWage ? t.region() : Regions.NATIONAL,
                localDemand ? local.annualOpenings() : scaled(national.annualOpenings(), t.baseline()),
                localDemand ? local.growthPercent() : national.growthPercent(),
                localDemand ? t.region() : Regions.NATIONAL,
                national.typicalEducation(),
                national.workExperience(),
                national.jobZone(),
                role);
    }

    private static Integer scaled(Integer nationalOpenings, RegionBaseline region) {
        if (nationalOpenings == null || Regions.NATIONAL.equals(region.region()) || region.nationalFallback()) {
            return nationalOpenings;
        }
        return (int) Math.round(
                nationalOpenings * (double) region.annualOpenings() / RegionBaseline.NATIONAL.annualOpenings());
    }

    private CredentialValue value(
            CredentialDefinition c,
            Map<String, LaborMarketJudgement> judgements,
            ReviewSummary summary,
            Map<String, CredentialDefinition> all,
            ValueThresholds t) {
        LaborMarketJudgement judgement = judgements.get(c.id());
        List<ValueReason> reasons = new ArrayList<>(judgement.reasons());
        reasons.add(attainabilityReason(c));
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
                c.category(),
                c.highSchoolAttainable(),
                judgement.occupations(),
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

    private static ValueReason attainabilityReason(CredentialDefinition c) {
        String category = c.category() == null
                ? "Category not recorded"
                : "A " + c.category().words();
        String note = c.categoryNote() == null ? "" : " (" + c.categoryNote() + ")";
        if (c.highSchoolAttainable() == null) {
            return new ValueReason(
                    "HIGH_SCHOOL_ATTAINABLE",
                    false,
                    category + "; whether a high-school student can earn it is not recorded" + note + ".");
        }
        return new ValueReason(
                "HIGH_SCHOOL_ATTAINABLE",
                c.highSchoolAttainable(),
                category
                        + (c.highSchoolAttainable()
                                ? " that a high-school student can earn"
                                : " that a high-school" + " student cannot earn (age, prerequisites or experience)")
                        + note + ".");
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
