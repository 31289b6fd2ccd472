package org.credfolio.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.cache.ReadThroughCache;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The credential catalog and occupations: public to read, curated by district and platform admins. */
@Service
public class CatalogManagement {
    private final Credentials credentials;
    private final Occupations occupations;
    private final OrganizationManagement organizations;
    private final MongoOperations mongo;
    // Catalog reads dominate portfolio reads and the catalog rarely changes.
    private final ReadThroughCache<String, CredentialDefinition> credentialCache =
            new ReadThroughCache<>(20_000, Duration.ofSeconds(60));
    private final ReadThroughCache<String, Occupation> occupationCache =
            new ReadThroughCache<>(5_000, Duration.ofSeconds(60));

    CatalogManagement(
            Credentials credentials,
            Occupations occupations,
            OrganizationManagement organizations,
            MongoOperations mongo) {
        this.credentials = credentials;
        this.occupations = occupations;
        this.organizations = organizations;
        this.mongo = mongo;
    }

    public Optional<CredentialDefinition> find(String id) {
        return id == null ? Optional.empty() : getAll(List.of(id)).stream().findFirst();
    }

    public List<CredentialDefinition> getAll(Collection<String> ids) {
        return credentialCache.getAll(ids, credentials::findAllById, CredentialDefinition::id);
    }

    /**
     * Every catalog entry, for matching names in an uploaded file; the catalog is at most tens of
     * thousands of small documents.
     */
    public List<CredentialDefinition> all() {
        return credentials.findAll();
    }

    public Optional<Occupation> occupation(String socCode) {
        return socCode == null
                ? Optional.empty()
                : occupations(List.of(socCode)).stream().findFirst();
    }

    public List<Occupation> occupations(Collection<String> socCodes) {
        return occupationCache.getAll(socCodes, occupations::findAllById, Occupation::socCode);
    }

    /** A labor-market load changed these occupations: the next read must show the new figures. */
    void evictOccupations(Collection<String> socCodes) {
        socCodes.forEach(occupationCache::evict);
    }

    /**
     * Links by {@link CredentialOccupationLink#idOf} ids: the curated one where it exists, a link
     * without a note otherwise.
     */
    public List<CredentialOccupationLink> occupationLinks(Collection<String> linkIds) {
        Map<String, CredentialOccupationLink> curated =
                mongo.find(Query.query(Criteria.where("_id").in(linkIds)), CredentialOccupationLink.class).stream()
                        .collect(Collectors.toMap(CredentialOccupationLink::id, l -> l));
        return linkIds.stream()
                .map(id -> curated.getOrDefault(id, CredentialOccupationLink.bare(id)))
                .toList();
    }

    public Window<CredentialDefinition> list(CredentialFilter filter, ScrollSubrange page) {
        Query query = new Query();
        if (filter != null) {
            if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
                query.addCriteria(Criteria.where("name")
                        .regex(Pattern.compile(
                                Pattern.quote(filter.nameContains().strip()), Pattern.CASE_INSENSITIVE)));
            }
            if (filter.careerCluster() != null) {
                query.addCriteria(Criteria.where("careerCluster").is(filter.careerCluster()));
            }
            if (filter.type() != null) {
                query.addCriteria(Criteria.where("type").is(filter.type()));
            }
            if (filter.certifyingBodyId() != null) {
                query.addCriteria(Criteria.where("certifyingBodyId").is(filter.certifyingBodyId()));
            }
        }
        query.with(Sort.by("name", "id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, CredentialDefinition.class);
    }

    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'PLATFORM_ADMIN')")
    public CredentialDefinition create(CredentialInput input) {
        CurrentUser user = CurrentUsers.require();
        return credentials.insert(toDefinition(UUID.randomUUID().toString(), input, curator(user), List.of()));
    }

    /** District admins may change only the entries their district added. */
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'PLATFORM_ADMIN')")
    public CredentialDefinition update(String id, CredentialInput input) {
        CurrentUser user = CurrentUsers.require();
        CredentialDefinition existing = find(id).orElseThrow(
                        () -> new NotFoundException("CREDENTIAL_NOT_FOUND", "id", "No credential " + id + "."));
        if (user.is(Role.DISTRICT_ADMIN) && !user.belongsTo(existing.curatedBy())) {
            throw new AccessDeniedException("A district admin can only change catalog entries their district added.");
        }
        CredentialDefinition saved =
                credentials.save(toDefinition(id, input, existing.curatedBy(), existing.stateListings()));
        credentialCache.evict(id);
        return saved;
    }

    private static String curator(CurrentUser user) {
        return user.is(Role.PLATFORM_ADMIN) ? null : user.organizationId();
    }

    private CredentialDefinition toDefinition(
            String id, CredentialInput input, String curatedBy, List<CredentialDefinition.StateListing> listings) {
        List<String> socCodes = input.occupations() == null ? List.of() : List.copyOf(input.occupations());
        List<String> stacks = input.stacksInto() == null ? List.of() : List.copyOf(input.stacksInto());
        requireReferences(input, socCodes, stacks, id);
        return new CredentialDefinition(
                id,
                input.name().strip(),
                input.type(),
                input.certifyingBodyId(),
                input.description(),
                socCodes,
                input.careerCluster(),
                input.portability(),
                stacks,
                input.renewalMonths(),
                input.typicalExamFee(),
                listings,
                curatedBy,
                Instant.now(),
                input.category(),
                input.highSchoolAttainable(),
                input.categoryNote() == null || input.categoryNote().isBlank()
                        ? null
                        : input.categoryNote().strip());
    }

    private void requireReferences(CredentialInput input, List<String> socCodes, List<String> stacks, String id) {
        if (input.certifyingBodyId() != null
                && organizations
                        .find(input.certifyingBodyId())
                        .filter(o -> o.type() == OrganizationType.CERTIFYING_BODY)
                        .isEmpty()) {
            throw new InvalidInputException(
                    "CERTIFYING_BODY_NOT_FOUND", "input.certifyingBodyId", "No certifying body with that id.");
        }
        if (occupations.findAllById(socCodes).size()
                != socCodes.stream().distinct().count()) {
            throw new InvalidInputException(
                    "OCCUPATION_NOT_FOUND", "input.occupations", "Every occupation must be a known SOC code.");
        }
        if (stacks.contains(id)
                || credentials.findAllById(stacks).size()
                        != stacks.stream().distinct().count()) {
            throw new InvalidInputException(
                    "CREDENTIAL_NOT_FOUND",
                    "input.stacksInto",
                    "Every credential it stacks into must be in the catalog.");
        }
    }
}
