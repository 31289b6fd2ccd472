package org.credfolio.organization;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {
    private final OrganizationManagement organizations;
    private final AccountManagement accounts;

    OrganizationController(OrganizationManagement organizations, AccountManagement accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @QueryMapping
    Organization organization(@Argument String id) {
        return organizations.find(id).orElse(null);
    }

    @QueryMapping
    Window<Organization> organizations(@Argument OrganizationType type, ScrollSubrange subrange) {
        return organizations.list(type, subrange);
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Account myAccount() {
        return accounts.find(CurrentUsers.require().subject()).orElse(null);
    }

    @QueryMapping
    Window<Account> accounts(@Argument String organizationId, ScrollSubrange subrange) {
        return accounts.inOrganization(organizationId, subrange);
    }

    @MutationMapping
    Organization createOrganization(@Argument @Valid CreateOrganizationInput input) {
        return organizations.create(input);
    }

    @MutationMapping
    Account createAccount(@Argument @Valid CreateAccountInput input) {
        return accounts.create(input);
    }

    @BatchMapping(typeName = "Organization", field = "district")
    Map<Organization, Organization> district(List<Organization> schools) {
        return byId(schools, Organization::districtId);
    }

    @BatchMapping(typeName = "Account", field = "organization")
    Map<Account, Organization> accountOrganization(List<Account> list) {
        return byId(list, Account::organizationId);
    }

    private <T> Map<T, Organization> byId(List<T> sources, Function<T, String> orgId) {
        Collection<String> ids =
                sources.stream().map(orgId).filter(id -> id != null).collect(Collectors.toSet());
        Map<String, Organization> found =
                organizations.getAll(ids).stream().collect(Collectors.toMap(Organization::id, o -> o));
        return sources.stream()
                .filter(s -> orgId.apply(s) != null && found.containsKey(orgId.apply(s)))
                .collect(Collectors.toMap(s -> s, s -> found.get(orgId.apply(s)), (a, b) -> a));
    }
}
