package org.credfolio.organization;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.credfolio.shared.graphql.Batches;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
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
    private final AccountLifecycle lifecycle;

    OrganizationController(
            OrganizationManagement organizations, AccountManagement accounts, AccountLifecycle lifecycle) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
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

    @MutationMapping
    boolean changePassword(@Argument String currentPassword, @Argument String newPassword) {
        return lifecycle.changePassword(currentPassword, newPassword);
    }

    @MutationMapping
    Account disableAccount(@Argument String id) {
        return lifecycle.disable(id);
    }

    @MutationMapping
    Account enableAccount(@Argument String id) {
        return lifecycle.enable(id);
    }

    @MutationMapping
    Account changeAccountRole(@Argument String id, @Argument Role role) {
        return lifecycle.changeRole(id, role);
    }

    @BatchMapping(typeName = "Organization", field = "district")
    Map<Organization, Organization> district(List<Organization> schools) {
        return Batches.one(schools, Organization::districtId, organizations::getAll, Organization::id);
    }

    @BatchMapping(typeName = "Account", field = "organization")
    Map<Account, Organization> accountOrganization(List<Account> list) {
        return Batches.one(list, Account::organizationId, organizations::getAll, Organization::id);
    }
}
