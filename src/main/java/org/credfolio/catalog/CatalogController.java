package org.credfolio.catalog;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.graphql.Batches;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class CatalogController {
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;

    CatalogController(CatalogManagement catalog, OrganizationManagement organizations) {
        this.catalog = catalog;
        this.organizations = organizations;
    }

    @QueryMapping
    CredentialDefinition credential(@Argument String id) {
        return catalog.find(id).orElse(null);
    }

    @QueryMapping
    Window<CredentialDefinition> credentials(@Argument @Valid CredentialFilter filter, ScrollSubrange subrange) {
        return catalog.list(filter, subrange);
    }

    @QueryMapping
    Occupation occupation(@Argument String socCode) {
        return catalog.occupation(socCode).orElse(null);
    }

    @MutationMapping
    CredentialDefinition createCredential(@Argument @Valid CredentialInput input) {
        return catalog.create(input);
    }

    @MutationMapping
    CredentialDefinition updateCredential(@Argument String id, @Argument @Valid CredentialInput input) {
        return catalog.update(id, input);
    }

    @SchemaMapping(typeName = "Credential", field = "ctdlType")
    String ctdlType(CredentialDefinition credential) {
        return credential.type().ctdlTerm();
    }

    @BatchMapping(typeName = "Credential", field = "certifyingBody")
    Map<CredentialDefinition, Organization> certifyingBody(List<CredentialDefinition> list) {
        return Batches.one(list, CredentialDefinition::certifyingBodyId, organizations::getAll, Organization::id);
    }

    @BatchMapping(typeName = "Credential", field = "occupations")
    Map<CredentialDefinition, List<Occupation>> occupations(List<CredentialDefinition> list) {
        return Batches.many(list, CredentialDefinition::occupations, catalog::occupations, Occupation::socCode);
    }

    /** Every SOC code of a credential, with the curation note where one was recorded. */
    @BatchMapping(typeName = "Credential", field = "occupationLinks")
    Map<CredentialDefinition, List<CredentialOccupationLink>> occupationLinks(List<CredentialDefinition> list) {
        return Batches.many(
                list, CredentialOccupationLink::idsOf, catalog::occupationLinks, CredentialOccupationLink::id);
    }

    @BatchMapping(typeName = "Credential", field = "stacksInto")
    Map<CredentialDefinition, List<CredentialDefinition>> stacksInto(List<CredentialDefinition> list) {
        return Batches.many(list, CredentialDefinition::stacksInto, catalog::getAll, CredentialDefinition::id);
    }

    @SchemaMapping(typeName = "OccupationLink", field = "role")
    String role(CredentialOccupationLink link) {
        return link.role() == null ? null : link.role().term();
    }
}
