package org.credfolio.catalog;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
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
        Map<String, Organization> byId = index(
                organizations.getAll(ids(list, c -> List.of(nullToEmpty(c.certifyingBodyId())))), Organization::id);
        return list.stream()
                .filter(c -> byId.containsKey(c.certifyingBodyId()))
                .collect(Collectors.toMap(c -> c, c -> byId.get(c.certifyingBodyId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Credential", field = "occupations")
    Map<CredentialDefinition, List<Occupation>> occupations(List<CredentialDefinition> list) {
        Map<String, Occupation> byCode =
                index(catalog.occupations(ids(list, CredentialDefinition::occupations)), Occupation::socCode);
        return list.stream().collect(Collectors.toMap(c -> c, c -> pick(c.occupations(), byCode), (a, b) -> a));
    }

    /** Every SOC code of a credential, with the curation note where one was recorded. */
    @BatchMapping(typeName = "Credential", field = "occupationLinks")
    Map<CredentialDefinition, List<CredentialOccupationLink>> occupationLinks(List<CredentialDefinition> list) {
        Map<String, CredentialOccupationLink> byId =
                index(catalog.occupationLinks(ids(list, c -> linkIds(c))), CredentialOccupationLink::id);
        return list.stream().collect(Collectors.toMap(c -> c, c -> linksOf(c, byId), (a, b) -> a));
    }

    private static List<String> linkIds(CredentialDefinition credential) {
        return credential.occupations() == null
                ? List.of()
                : credential.occupations().stream()
                        .map(soc -> CredentialOccupationLink.idOf(credential.id(), soc))
                        .toList();
    }

    private static List<CredentialOccupationLink> linksOf(
            CredentialDefinition credential, Map<String, CredentialOccupationLink> byId) {
        return linkIds(credential).stream()
                .map(id -> byId.getOrDefault(
                        id,
                        new CredentialOccupationLink(id, credential.id(), id.substring(id.lastIndexOf(':') + 1), null)))
                .toList();
    }

    @BatchMapping(typeName = "Credential", field = "stacksInto")
    Map<CredentialDefinition, List<CredentialDefinition>> stacksInto(List<CredentialDefinition> list) {
        Map<String, CredentialDefinition> byId =
                index(catalog.getAll(ids(list, CredentialDefinition::stacksInto)), CredentialDefinition::id);
        return list.stream().collect(Collectors.toMap(c -> c, c -> pick(c.stacksInto(), byId), (a, b) -> a));
    }

    private static Collection<String> ids(
            List<CredentialDefinition> list, Function<CredentialDefinition, List<String>> refs) {
        return list.stream()
                .flatMap(c -> refs.apply(c) == null ? java.util.stream.Stream.empty() : refs.apply(c).stream())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> a));
    }

    private static <T> List<T> pick(List<String> keys, Map<String, T> byKey) {
        return keys == null
                ? List.of()
                : keys.stream().map(byKey::get).filter(v -> v != null).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
