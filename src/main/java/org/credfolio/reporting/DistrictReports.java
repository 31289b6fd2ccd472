package org.credfolio.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.FeePayer;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.value.CredentialValue;
import org.credfolio.catalog.value.CredentialValues;
import org.credfolio.catalog.value.Regions;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.pathways.ProgramOfStudy;
import org.credfolio.reporting.DistrictAggregations.CredentialCount;
import org.credfolio.reporting.DistrictAggregations.GroupCount;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The four district reports. Each is for the DISTRICT_ADMIN of that district only; each is built
 * from a few aggregation pipelines and the catalog's value classification for the district's state.
 */
@Service
@EnableConfigurationProperties(ReportProperties.class)
public class DistrictReports {
    private static final int TOP = 10;

    private final DistrictAggregations aggregations;
    private final CredentialValues values;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final ReportProperties properties;
    private final MongoOperations mongo;

    DistrictReports(
            DistrictAggregations aggregations,
            CredentialValues values,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            ReportProperties properties,
            MongoOperations mongo) {
        this.aggregations = aggregations;
        this.values = values;
        this.catalog = catalog;
        this.organizations = organizations;
        this.properties = properties;
        this.mongo = mongo;
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public CredentialAuditReport audit(String districtId) {
        Organization district = ownDistrict(districtId);
        Map<String, CredentialCount> counts = countsById(districtId);
        Map<String, List<String>> offeredIn = programsByCredential(districtId);
        Set<String> ids = new LinkedHashSet<>(counts.keySet());
        ids.addAll(offeredIn.keySet());
        List<CredentialDefinition> credentials = catalog.getAll(ids);
        Map<String, CredentialValue> judged = values.classify(credentials, region(district));
        List<CredentialAuditReport.Row> rows = new ArrayList<>();
        for (CredentialDefinition credential : credentials) {
            CredentialValue value = judged.get(credential.id());
            CredentialCount count = counts.getOrDefault(credential.id(), new CredentialCount(credential.id(), 0, 0));
            AuditRecommendation recommendation = AuditRecommendation.of(value);
            rows.add(new CredentialAuditReport.Row(
                    credential.id(),
                    credential.name(),
                    value,
                    count.earners(),
                    count.awards(),
                    offeredIn.getOrDefault(credential.id(), List.of()),
                    recommendation.recommendation(),
                    recommendation.because()));
        }
        // What needs a decision first: phase-out candidates, then reviews, then what to keep.
        rows.sort(Comparator.comparing(CredentialAuditReport.Row::recommendation)
                .reversed()
                .thenComparing(Comparator.comparingLong(CredentialAuditReport.Row::earners)
                        .reversed())
                .thenComparing(CredentialAuditReport.Row::name));
        return new CredentialAuditReport(
                districtId,
                district.name(),
                region(district),
                Instant.now(),
                aggregations.learnerCount(districtId),
                rows);
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public SupplyDemandReport supplyDemand(String districtId) {
        Organization district = ownDistrict(districtId);
        long learners = aggregations.learnerCount(districtId);
        Map<String, CredentialCount> counts = countsById(districtId);
        Map<String, CredentialValue> catalogValues = values.catalog(region(district));
        Map<String, String> names = catalog.getAll(catalogValues.keySet()).stream()
                .collect(Collectors.toMap(CredentialDefinition::id, CredentialDefinition::name));
        Function<String, SupplyDemandReport.Row> row =
                id -> supplyRow(id, names.get(id), catalogValues.get(id), counts.get(id), learners);

        long awards =
                counts.values().stream().mapToLong(CredentialCount::awards).sum();
        long inDemandAwards = awardsWhere(counts, catalogValues, CredentialValue::inDemand);
        long highValueAwards = awardsWhere(counts, catalogValues, CredentialValue::highValue);
        List<SupplyDemandReport.Row> mostEarned = counts.values().stream()
                .filter(c -> catalogValues.containsKey(c.credentialId()))
                .sorted(Comparator.comparingLong(CredentialCount::awards)
                        .reversed()
                        .thenComparing(CredentialCount::credentialId))
                .limit(TOP)
                .map(c -> row.apply(c.credentialId()))
                .toList();
        List<SupplyDemandReport.Row> inDemand = catalogValues.values().stream()
                .filter(CredentialValue::inDemand)
                .filter(v -> v.peakOpenings() != null)
                .sorted(Comparator.comparing(CredentialValue::peakOpenings)
                        .reversed()
                        .thenComparing(v -> names.get(v.credentialId())))
                .map(v -> row.apply(v.credentialId()))
                .toList();
        List<SupplyDemandReport.Row> mostInDemand = inDemand.stream().limit(TOP).toList();
        Set<String> earnedIds =
                mostEarned.stream().map(SupplyDemandReport.Row::credentialId).collect(Collectors.toSet());
        List<String> overlap = mostInDemand.stream()
                .map(SupplyDemandReport.Row::credentialId)
                .filter(earnedIds::contains)
                .toList();
        // Only what a district can act on: credentials its high-school learners can earn.
        List<SupplyDemandReport.Row> undersupplied = inDemand.stream()
                .filter(r -> catalogValues.get(r.credentialId()).highValue())
                .filter(r -> catalogValues.get(r.credentialId()).attainableInHighSchool())
                .filter(r -> r.earnersPerThousand() < properties.undersuppliedPerThousand())
                .limit(TOP)
                .toList();
        return new SupplyDemandReport(
                districtId,
                district.name(),
                region(district),
                Instant.now(),
                learners,
                awards,
                inDemandAwards,
                share(inDemandAwards, awards),
                share(highValueAwards, awards),
                mostEarned,
                mostInDemand,
                overlap,
                undersupplied,
                properties.undersuppliedPerThousand());
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public EquityReport equity(String districtId) {
        Organization district = ownDistrict(districtId);
        Set<String> highValue = values.catalog(region(district)).values().stream()
                .filter(CredentialValue::highValue)
                .map(CredentialValue::credentialId)
                .collect(Collectors.toSet());
        List<GroupCount> counts = aggregations.equity(districtId, highValue);
        return EquityTable.of(district, counts, properties.minCellSize());
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public FundingReport funding(String districtId) {
        Organization district = ownDistrict(districtId);
        DistrictAggregations.Fees fees = aggregations.fees(districtId);
        Map<FeePayer, long[]> exams = new EnumMap<>(FeePayer.class);
        Map<FeePayer, BigDecimal> amounts = new EnumMap<>(FeePayer.class);
        for (FeePayer payer : FeePayer.values()) {
            exams.put(payer, new long[1]);
            amounts.put(payer, BigDecimal.ZERO);
        }
        for (DistrictAggregations.FeeRow row : fees.byAmount()) {
            FeePayer payer = FeePayer.valueOf(row.payer());
            exams.get(payer)[0] += row.exams();
            amounts.merge(payer, row.amount().multiply(BigDecimal.valueOf(row.exams())), BigDecimal::add);
        }
        Map<String, Long> learners = fees.learnersByPayer().stream()
                .collect(Collectors.toMap(
                        DistrictAggregations.PayerLearners::payer, DistrictAggregations.PayerLearners::learners));
        List<FundingReport.Source> sources = new ArrayList<>();
        for (FeePayer payer : FeePayer.values()) {
            sources.add(new FundingReport.Source(
                    payer,
                    payer != FeePayer.FAMILY,
                    exams.get(payer)[0],
                    amounts.get(payer),
                    learners.getOrDefault(payer.name(), 0L)));
        }
        return new FundingReport(
                districtId,
                district.name(),
                Instant.now(),
                sources,
                sources.stream().mapToLong(FundingReport.Source::exams).sum(),
                sources.stream().map(FundingReport.Source::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                sources.stream()
                        .filter(FundingReport.Source::coverage)
                        .mapToLong(FundingReport.Source::exams)
                        .sum(),
                sources.stream()
                        .filter(FundingReport.Source::coverage)
                        .map(FundingReport.Source::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                fees.learnersServed());
    }

    private Organization ownDistrict(String districtId) {
        CurrentUser user = CurrentUsers.require();
        Organization district =
                districtId == null ? null : organizations.find(districtId).orElse(null);
        // The same refusal whether the district exists or not: reports reveal nothing to outsiders.
        if (district == null || district.type() != OrganizationType.DISTRICT || !user.belongsTo(districtId)) {
            throw new AccessDeniedException("A district admin sees the reports of their own district only.");
        }
        return district;
    }

    private static String region(Organization district) {
        return Regions.ofState(district.state());
    }

    private Map<String, CredentialCount> countsById(String districtId) {
        Map<String, CredentialCount> counts = new LinkedHashMap<>();
        aggregations.credentialCounts(districtId).forEach(c -> counts.put(c.credentialId(), c));
        return counts;
    }

    private Map<String, List<String>> programsByCredential(String districtId) {
        Query programs = Query.query(Criteria.where("districtId").is(districtId));
        Map<String, List<String>> offeredIn = new LinkedHashMap<>();
        for (ProgramOfStudy program : mongo.find(programs, ProgramOfStudy.class)) {
            program.embeddedCredentials().forEach(e -> offeredIn
                    .computeIfAbsent(e.credentialId(), id -> new ArrayList<>())
                    .add(program.name()));
        }
        return offeredIn;
    }

    private static SupplyDemandReport.Row supplyRow(
            String id, String name, CredentialValue value, CredentialCount count, long learners) {
        long earners = count == null ? 0 : count.earners();
        return new SupplyDemandReport.Row(
                id,
                name,
                value.tier(),
                value.inDemand(),
                value.peakOpenings(),
                earners,
                count == null ? 0 : count.awards(),
                learners == 0 ? 0 : Math.round(earners * 10_000.0 / learners) / 10.0);
    }

    private static long awardsWhere(
            Map<String, CredentialCount> counts,
            Map<String, CredentialValue> values,
            java.util.function.Predicate<CredentialValue> test) {
        return counts.values().stream()
                .filter(c -> values.containsKey(c.credentialId()) && test.test(values.get(c.credentialId())))
                .mapToLong(CredentialCount::awards)
                .sum();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
