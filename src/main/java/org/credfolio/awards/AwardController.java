package org.credfolio.awards;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.shared.graphql.Batches;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.trust.CredentialForms;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AwardController {
    private final AwardManagement awards;
    private final EarnedCredentialStatus status;
    private final CatalogManagement catalog;
    private final CredentialIssuance issuance;

    AwardController(
            AwardManagement awards,
            EarnedCredentialStatus status,
            CatalogManagement catalog,
            CredentialIssuance issuance) {
        this.awards = awards;
        this.status = status;
        this.catalog = catalog;
        this.issuance = issuance;
    }

    @MutationMapping
    Award recordEarnedCredential(@Argument @Valid RecordCredentialInput input) {
        return awards.record(input);
    }

    @MutationMapping
    Award revokeEarnedCredential(@Argument @Valid StatusChangeInput input) {
        return status.revoke(input);
    }

    @MutationMapping
    Award suspendEarnedCredential(@Argument @Valid StatusChangeInput input) {
        return status.suspend(input);
    }

    @MutationMapping
    Award reinstateEarnedCredential(@Argument @Valid StatusChangeInput input) {
        return status.reinstate(input);
    }

    @BatchMapping(typeName = "Learner", field = "credentials")
    Map<Learner, List<Award>> credentials(List<Learner> learners) {
        Map<String, List<Award>> byLearner = awards.forLearners(learners);
        return learners.stream()
                .collect(Collectors.toMap(l -> l, l -> byLearner.getOrDefault(l.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "EarnedCredential", field = "credential")
    Map<Award, CredentialDefinition> credential(List<Award> list) {
        return Batches.one(list, Award::credentialId, catalog::getAll, CredentialDefinition::id);
    }

    @BatchMapping(typeName = "EarnedCredential", field = "jwt")
    Map<Award, String> jwt(List<Award> list) {
        Map<String, String> jwts = issuance.jwtsFor(list);
        return list.stream()
                .filter(a -> a.status() != AwardStatus.REVOKED && jwts.containsKey(a.id()))
                .collect(Collectors.toMap(a -> a, a -> jwts.get(a.id()), (a, b) -> a));
    }

    @BatchMapping(typeName = "EarnedCredential", field = "credentialJson")
    Map<Award, Map<String, Object>> credentialJson(List<Award> list) {
        return jwt(list).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> CredentialForms.payload(e.getValue())));
    }

    @BatchMapping(typeName = "EarnedCredential", field = "ldpCredential")
    Map<Award, Map<String, Object>> ldpCredential(List<Award> list) {
        Map<String, Map<String, Object>> forms = issuance.ldpCredentialsFor(list);
        return list.stream()
                .filter(a -> forms.containsKey(a.id()))
                .collect(Collectors.toMap(a -> a, a -> forms.get(a.id()), (a, b) -> a));
    }

    @BatchMapping(typeName = "EarnedCredential", field = "envelopedCredential")
    Map<Award, Map<String, Object>> envelopedCredential(List<Award> list) {
        return jwt(list).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> CredentialForms.envelope(e.getValue())));
    }

    /**
     * Who paid an exam fee can reveal a learner's economic status (waived fees, state grants), so
     * only the registrars and district admins who may also see demographics get it.
     */
    @SchemaMapping(typeName = "EarnedCredential", field = "examFee")
    Award.ExamFee examFee(Award award) {
        boolean managesLearner = CurrentUsers.find()
                .map(u -> u.is(Role.REGISTRAR) || u.is(Role.DISTRICT_ADMIN))
                .orElse(false);
        return managesLearner ? award.examFee() : null;
    }

    /** Expiry is derived from today's date, so a stored ACTIVE credential can read as EXPIRED. */
    @SchemaMapping(typeName = "EarnedCredential", field = "status")
    String status(Award award) {
        if (award.status() == AwardStatus.ACTIVE
                && award.expiresOn() != null
                // The credential's validUntil is the start of expiresOn, so that day it has expired.
                && !award.expiresOn().isAfter(LocalDate.now())) {
            return "EXPIRED";
        }
        return award.status().name();
    }
}
