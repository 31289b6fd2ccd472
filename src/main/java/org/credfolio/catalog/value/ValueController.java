package org.credfolio.catalog.value;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class ValueController {
    private final CredentialValues values;
    private final CredentialReviews reviews;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;

    ValueController(
            CredentialValues values,
            CredentialReviews reviews,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            BatchLoaderRegistry registry) {
        this.values = values;
        this.reviews = reviews;
        this.catalog = catalog;
        this.organizations = organizations;
        // One classification per region for all credentials of a response, not one per credential.
        registry.forTypePair(ValueKey.class, CredentialValue.class)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> classify(keys)));
    }

    /** A credential to classify for a region. */
    record ValueKey(CredentialDefinition credential, String region) {}

    private Map<ValueKey, CredentialValue> classify(java.util.Set<ValueKey> keys) {
        Map<ValueKey, CredentialValue> result = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(ValueKey::region)).forEach((region, group) -> {
            Map<String, CredentialValue> byId = values.classify(
                    group.stream().map(ValueKey::credential).distinct().toList(), region);
            group.forEach(k -> result.put(k, byId.get(k.credential().id())));
        });
        return result;
    }

    @SchemaMapping(typeName = "Credential", field = "value")
    CompletableFuture<CredentialValue> value(
            CredentialDefinition credential, @Argument String region, DataLoader<ValueKey, CredentialValue> loader) {
        return loader.load(new ValueKey(credential, Regions.require(region, "region")));
    }

    @SchemaMapping(typeName = "Credential", field = "validationReviews")
    List<ValidationReview> validationReviews(
            CredentialDefinition credential, @Argument String region, @Argument Integer first) {
        return reviews.latestReviews(credential.id(), Regions.require(region, "region"), first == null ? 5 : first);
    }

    @SchemaMapping(typeName = "Credential", field = "endorsements")
    List<Endorsement> endorsements(CredentialDefinition credential, @Argument String region) {
        return reviews.endorsements(credential.id(), Regions.require(region, "region"));
    }

    @QueryMapping
    ValueThresholds valueThresholds(@Argument String region) {
        return values.thresholds(region);
    }

    @MutationMapping
    ValidationReview reviewCredential(@Argument @Valid ReviewInput input) {
        return reviews.review(input);
    }

    @MutationMapping
    Endorsement endorseCredential(@Argument String credentialId, @Argument String region, @Argument String statement) {
        return reviews.endorse(credentialId, region, statement);
    }

    @MutationMapping
    boolean withdrawEndorsement(@Argument String credentialId, @Argument String region) {
        return reviews.withdrawEndorsement(credentialId, region);
    }

    @SchemaMapping(typeName = "CredentialValue", field = "qualifyingOccupation")
    Occupation qualifyingOccupation(CredentialValue value) {
        return catalog.occupation(value.qualifyingOccupation()).orElse(null);
    }

    @SchemaMapping(typeName = "CredentialValue", field = "stacksIntoHighValue")
    List<CredentialDefinition> stacksIntoHighValue(CredentialValue value) {
        return catalog.getAll(value.stacksIntoHighValue());
    }

    @SchemaMapping(typeName = "OccupationOutlook", field = "occupation")
    Occupation outlookOccupation(OccupationOutlook outlook) {
        return catalog.occupation(outlook.socCode()).orElse(null);
    }

    @SchemaMapping(typeName = "OccupationOutlook", field = "openToHighSchoolGraduates")
    boolean openToHighSchoolGraduates(OccupationOutlook outlook) {
        return outlook.openToHighSchoolGraduates();
    }

    @SchemaMapping(typeName = "ValueThresholds", field = "rulesTitle")
    String rulesTitle(ValueThresholds thresholds) {
        return thresholds.rules().title();
    }

    @SchemaMapping(typeName = "CredentialValue", field = "lastReviewedAt")
    Instant lastReviewedAt(CredentialValue value) {
        return value.reviews().lastReviewedAt();
    }

    @SchemaMapping(typeName = "ValidationReview", field = "credential")
    CredentialDefinition reviewedCredential(ValidationReview review) {
        return catalog.find(review.credentialId()).orElse(null);
    }

    @SchemaMapping(typeName = "ValidationReview", field = "reviewer")
    Organization reviewer(ValidationReview review) {
        return organizations.find(review.organizationId()).orElse(null);
    }

    @SchemaMapping(typeName = "Endorsement", field = "credential")
    CredentialDefinition endorsedCredential(Endorsement endorsement) {
        return catalog.find(endorsement.credentialId()).orElse(null);
    }

    @SchemaMapping(typeName = "Endorsement", field = "employer")
    Organization employer(Endorsement endorsement) {
        return organizations.find(endorsement.organizationId()).orElse(null);
    }
}
