package org.credfolio.awards;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.cache.RecentReads;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Earned credentials as the sharing module needs them: a learner reading their own to choose what
 * to share, and a share page reading the signed credentials a share names. The page has no user
 * session; the share's secret token is the capability, checked by the caller before it asks.
 */
@Service
public class SharedCredentials {
    private final MongoOperations mongo;
    private final RecentLearnerAwards recent;
    private final CredentialIssuance issuance;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    /**
     * Stored signed credentials as share pages read them (the VC-JWT and its learner), by award id,
     * for the awards' time to live: a link many open at once reads them once a second. Nothing
     * rewrites a stored VC-JWT, so what is remembered is what the store holds, bar a change made
     * outside the service (which the page's verification then shows within the time to live).
     */
    private final RecentReads<String, IssuedCredential> storedJwts;

    SharedCredentials(
            MongoOperations mongo,
            RecentLearnerAwards recent,
            CredentialIssuance issuance,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            @Value("${credfolio.awards.read-ttl:1s}") Duration ttl) {
        this.mongo = mongo;
        this.recent = recent;
        this.issuance = issuance;
        this.catalog = catalog;
        this.organizations = organizations;
        // A VC-JWT is a few kilobytes: some 50 MB at most.
        this.storedJwts = new RecentReads<>(ttl, 10_000);
    }

    /**
     * One shared credential: the award, its catalog name, and its signed credential (null if never
     * issued).
     *
     * @param certifiedBy the name of the catalog entry's certifying body; null when it names none
     * @param issuedBy the name of the learner's district, which recorded and issued it; null if unknown
     */
    public record SharedCredential(Award award, String name, String jwt, String certifiedBy, String issuedBy) {}

    /** The signed-in learner's own earned credentials among these ids, in portfolio order; others are left out. */
    @PreAuthorize("hasRole('LEARNER')")
    public List<Award> ownAwards(Collection<String> awardIds) {
        Set<String> wanted = Set.copyOf(awardIds);
        return held(CurrentUsers.require().learnerId()).stream()
                .filter(a -> wanted.contains(a.id()))
                .toList();
    }

    /**
     * Makes sure each of the signed-in learner's awards is issued as a verifiable credential, so a
     * share page can show it later without a session. Revoked awards are not issued.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public void issueOwn(Collection<Award> awards) {
        String learnerId = CurrentUsers.require().learnerId();
        List<Award> own =
                awards.stream().filter(a -> learnerId.equals(a.learnerId())).toList();
        issuance.jwtsFor(own);
    }

    /**
     * The named awards of one learner with their stored signed credentials, in the order asked;
     * awards that no longer exist are left out. Nothing is issued here. No session needed: callers
     * must have authorized the read themselves (a share page by its token).
     */
    public List<SharedCredential> forShare(String learnerId, List<String> awardIds) {
        LearnerAwards all = learnerId == null ? null : recent.of(learnerId);
        Map<String, Award> held =
                held(all).stream().collect(Collectors.toMap(Award::id, Function.identity(), (a, b) -> a));
        List<Award> awards =
                awardIds.stream().map(held::get).filter(Objects::nonNull).toList();
        if (awards.isEmpty()) {
            return List.of();
        }
        // Read from the store (at most a second ago), not from the issuance cache, which keeps what
        // was signed: the page checks what is stored. The learner is checked here.
        Map<String, String> jwts =
                storedJwts.getAll(awards.stream().map(Award::id).toList(), this::stored).values().stream()
                        .filter(c -> learnerId.equals(c.learnerId()))
                        .collect(Collectors.toMap(IssuedCredential::awardId, IssuedCredential::jwt));
        Map<String, CredentialDefinition> definitions =
                catalog.getAll(awards.stream().map(Award::credentialId).toList()).stream()
                        .collect(Collectors.toMap(CredentialDefinition::id, Function.identity(), (a, b) -> a));
        Map<String, String> bodies = certifyingBodies(definitions.values());
        String issuedBy = all.districtId() == null
                ? null
                : organizations.find(all.districtId()).map(Organization::name).orElse(null);
        return awards.stream()
                .map(a -> {
                    CredentialDefinition definition = definitions.get(a.credentialId());
                    return new SharedCredential(
                            a,
                            definition == null ? null : definition.name(),
                            jwts.get(a.id()),
                            definition == null || definition.certifyingBodyId() == null
                                    ? null
                                    : bodies.get(definition.certifyingBodyId()),
                            issuedBy);
                })
                .toList();
    }

    /**
     * The Data Integrity forms of the named awards of one learner, in the order asked; revoked and
     * missing awards are left out. Callers must have authorized the read (a share by its token).
     */
    public List<Map<String, Object>> securedForShare(String learnerId, List<String> awardIds) {
        Map<String, Award> held =
                held(learnerId).stream().collect(Collectors.toMap(Award::id, Function.identity(), (a, b) -> a));
        List<Award> awards =
                awardIds.stream().map(held::get).filter(Objects::nonNull).toList();
        Map<String, Map<String, Object>> forms = issuance.ldpCredentialsFor(awards);
        return awards.stream()
                .map(a -> forms.get(a.id()))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The VC-JWTs and learners of these awards' stored credentials; the Data Integrity form is not
     * read. Filtered by _id alone: the embedded store indexes only that exact filter.
     */
    private Map<String, IssuedCredential> stored(Set<String> awardIds) {
        Query query = Query.query(Criteria.where("_id").in(awardIds));
        query.fields().include("learnerId", "jwt");
        return mongo.find(query, IssuedCredential.class).stream()
                .collect(Collectors.toMap(IssuedCredential::awardId, Function.identity()));
    }

    /** Names of the certifying bodies of these catalog entries, by organization id (cached reads). */
    private Map<String, String> certifyingBodies(Collection<CredentialDefinition> definitions) {
        List<String> ids = definitions.stream()
                .map(CredentialDefinition::certifyingBodyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return ids.isEmpty()
                ? Map.of()
                : organizations.getAll(ids).stream()
                        .filter(o -> o.type() == OrganizationType.CERTIFYING_BODY && o.name() != null)
                        .collect(Collectors.toMap(Organization::id, Organization::name, (a, b) -> a));
    }

    private List<Award> held(String learnerId) {
        return held(learnerId == null ? null : recent.of(learnerId));
    }

    private static List<Award> held(LearnerAwards all) {
        return all == null || all.credentials() == null ? List.of() : all.credentials();
    }
}
