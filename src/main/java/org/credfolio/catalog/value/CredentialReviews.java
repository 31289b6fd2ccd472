package org.credfolio.catalog.value;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Validation reviews by employers, workforce boards and colleges, and employer endorsements. Both
 * are public to read: they are statements organizations make about credentials, never about
 * learners.
 */
@Service
public class CredentialReviews {
    /** At most this many reviews are returned for one credential and region. */
    public static final int MAX_REVIEWS = 50;

    private final MongoOperations mongo;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final AuditLog audit;

    CredentialReviews(
            MongoOperations mongo, CatalogManagement catalog, OrganizationManagement organizations, AuditLog audit) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** Employers and workforce boards (role EMPLOYER) and colleges review for their state or the nation. */
    @PreAuthorize("hasAnyRole('EMPLOYER', 'COLLEGE')")
    public ValidationReview review(ReviewInput input) {
        requireCredential(input.credentialId());
        Organization reviewer = ownOrganization();
        String region = regionOf(reviewer, input.region());
        ValidationReview review = mongo.insert(new ValidationReview(
                RandomIds.withPrefix("review-"),
                input.credentialId(),
                region,
                reviewer.id(),
                reviewer.type(),
                input.scores(),
                blankToNull(input.comment()),
                CurrentUsers.require().subject(),
                Instant.now()));
        audit.record(
                "credential.reviewed",
                "credential",
                input.credentialId(),
                Map.of(
                        "region",
                        region,
                        "organization",
                        reviewer.id(),
                        "average",
                        input.scores().average()));
        return review;
    }

    /** Only employers endorse: an endorsement says "we hire for this". */
    @PreAuthorize("hasRole('EMPLOYER')")
    public Endorsement endorse(String credentialId, String regionName, String statement) {
        requireCredential(credentialId);
        Organization employer = ownOrganization();
        if (employer.type() != OrganizationType.EMPLOYER) {
            throw new AccessDeniedException("Only employers endorse credentials; a " + employer.type()
                    + " can review them with reviewCredential.");
        }
        if (statement != null && statement.length() > 500) {
            throw new InvalidInputException(
                    "STATEMENT_TOO_LONG", "statement", "An endorsement statement is at most 500 characters.");
        }
        String region = regionOf(employer, regionName);
        Endorsement endorsement = mongo.save(new Endorsement(
                Endorsement.idOf(credentialId, region, employer.id()),
                credentialId,
                region,
                employer.id(),
                blankToNull(statement),
                CurrentUsers.require().subject(),
                Instant.now()));
        audit.record(
                "credential.endorsed",
                "credential",
                credentialId,
                Map.of("region", region, "organization", employer.id()));
        return endorsement;
    }

    /** True when an endorsement was withdrawn, false when there was none. */
    @PreAuthorize("hasRole('EMPLOYER')")
    public boolean withdrawEndorsement(String credentialId, String regionName) {
        Organization employer = ownOrganization();
        String region = regionOf(employer, regionName);
        boolean removed = mongo.remove(
                                Query.query(Criteria.where("_id")
                                        .is(Endorsement.idOf(credentialId, region, employer.id()))),
                                Endorsement.class)
                        .getDeletedCount()
                > 0;
        if (removed) {
            audit.record(
                    "credential.endorsement_withdrawn",
                    "credential",
                    credentialId,
                    Map.of("region", region, "organization", employer.id()));
        }
        return removed;
    }

    /** Newest first. */
    public List<ValidationReview> latestReviews(String credentialId, String region, int limit) {
        Query query = Query.query(Criteria.where("credentialId")
                        .is(credentialId)
                        .and("region")
                        .is(region))
                .with(Sort.by(Sort.Direction.DESC, "reviewedAt"))
                .limit(Math.max(1, Math.min(limit, MAX_REVIEWS)));
        return mongo.find(query, ValidationReview.class);
    }

    public List<Endorsement> endorsements(String credentialId, String region) {
        Query query = Query.query(Criteria.where("credentialId")
                        .is(credentialId)
                        .and("region")
                        .is(region))
                .with(Sort.by("endorsedAt"));
        return mongo.find(query, Endorsement.class);
    }

    /** Latest review and counts per credential in one region; credentials with neither are absent. */
    public Map<String, ReviewSummary> summaries(String region, Collection<String> credentialIds) {
        Criteria scope = Criteria.where("region").is(region).and("credentialId").in(credentialIds);
        Map<String, ReviewSummary> summaries = new HashMap<>();
        Aggregation latest = newAggregation(
                match(scope),
                sort(Sort.by(Sort.Direction.DESC, "reviewedAt")),
                group("credentialId")
                        .first(Aggregation.ROOT)
                        .as("latest")
                        .count()
                        .as("count"));
        for (LatestReview row : mongo.aggregate(latest, ValidationReview.class, LatestReview.class)) {
            summaries.put(row.id(), new ReviewSummary(row.latest(), row.count(), 0));
        }
        Aggregation endorsements =
                newAggregation(match(scope), group("credentialId").count().as("count"));
        for (EndorsementCount row : mongo.aggregate(endorsements, Endorsement.class, EndorsementCount.class)) {
            summaries.merge(
                    row.id(),
                    new ReviewSummary(null, 0, row.count()),
                    (a, b) -> new ReviewSummary(a.latest(), a.reviewCount(), b.endorsementCount()));
        }
        return summaries;
    }

    record LatestReview(String id, ValidationReview latest, long count) {}

    record EndorsementCount(String id, long count) {}

    private void requireCredential(String credentialId) {
        if (catalog.find(credentialId).isEmpty()) {
            throw new NotFoundException("CREDENTIAL_NOT_FOUND", "credentialId", "No credential " + credentialId + ".");
        }
    }

    private Organization ownOrganization() {
        CurrentUser user = CurrentUsers.require();
        return organizations
                .find(user.organizationId())
                .orElseThrow(() -> new AccessDeniedException("Reviews are made on behalf of an organization."));
    }

    /** An organization speaks for its own state, or for the nation. */
    private static String regionOf(Organization organization, String requested) {
        String region = Regions.require(requested, "region");
        if (!region.equals(Regions.NATIONAL) && !region.equals(organization.state())) {
            throw new AccessDeniedException("An organization in " + organization.state()
                    + " reviews and endorses for its own state or for US, not for " + region + ".");
        }
        return region;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
