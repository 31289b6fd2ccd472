package org.credfolio.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

/** The organization directory: public to read, curated by platform and district admins. */
@Service
public class OrganizationManagement {
    private final Organizations organizations;
    private final MongoOperations mongo;
    // Organizations are read on most requests (tenancy, names); only rostering renames a school
    // (evicted here at once, elsewhere within the minute).
    private final ReadThroughCache<String, Organization> cache = new ReadThroughCache<>(10_000, Duration.ofSeconds(60));

    OrganizationManagement(Organizations organizations, MongoOperations mongo) {
        this.organizations = organizations;
        this.mongo = mongo;
    }

    public Optional<Organization> find(String id) {
        return id == null ? Optional.empty() : getAll(List.of(id)).stream().findFirst();
    }

    public Organization get(String id) {
        return find(id).orElseThrow(
                        () -> new NotFoundException("ORGANIZATION_NOT_FOUND", "No organization " + id + "."));
    }

    public List<Organization> getAll(Collection<String> ids) {
        return cache.getAll(ids, organizations::findAllById, Organization::id);
    }

    /** Forgets a cached organization this instance has just changed. */
    void evict(String id) {
        cache.evict(id);
    }

    public Window<Organization> list(OrganizationType type, ScrollSubrange page) {
        Query query =
                type == null ? new Query() : Query.query(Criteria.where("type").is(type));
        query.with(Sort.by("name", "id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, Organization.class);
    }

    /** Platform admins create any organization; district admins create schools in their district. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Organization create(CreateOrganizationInput input) {
        CurrentUser user = CurrentUsers.require();
        boolean school = input.type() == OrganizationType.SCHOOL;
        if (user.is(Role.DISTRICT_ADMIN) && !(school && user.belongsTo(input.districtId()))) {
            throw new AccessDeniedException("A district admin can only add schools to their own district.");
        }
        if (school) {
            find(input.districtId())
                    .filter(o -> o.type() == OrganizationType.DISTRICT)
                    .orElseThrow(() -> new InvalidInputException(
                            "DISTRICT_NOT_FOUND",
                            "input.districtId",
                            "A school needs the id of an existing district."));
        } else if (input.districtId() != null) {
            throw new InvalidInputException(
                    "DISTRICT_NOT_ALLOWED", "input.districtId", "Only a school belongs to a district.");
        }
        return organizations.insert(new Organization(
                UUID.randomUUID().toString(),
                input.type(),
                input.name().strip(),
                input.districtId(),
                input.state(),
                input.website(),
                input.code(),
                Instant.now()));
    }
}
