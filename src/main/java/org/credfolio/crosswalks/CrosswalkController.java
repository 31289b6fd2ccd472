package org.credfolio.crosswalks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.identity.DisclosedIdentity;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.sharing.SharedPresentations;
import org.credfolio.trust.verification.VerificationCheck;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class CrosswalkController {
    private final CreditRules rules;
    private final CatalogManagement catalog;
    private final AdvancedStanding standing;
    private final SharedPresentations shares;
    private final StandingDecisions decisions;

    CrosswalkController(
            CreditRules rules,
            CatalogManagement catalog,
            AdvancedStanding standing,
            SharedPresentations shares,
            StandingDecisions decisions) {
        this.rules = rules;
        this.catalog = catalog;
        this.standing = standing;
        this.shares = shares;
        this.decisions = decisions;
    }

    /** From a presentation, or from a share link, which stands for the presentation it offers. */
    @QueryMapping
    AdvancedStanding.Evaluation evaluateAdvancedStanding(
            @Argument String presentation,
            @Argument String shareToken,
            @Argument String challenge,
            @Argument String domain,
            @Argument String institutionId,
            @Argument String program,
            @Argument LocalDate evaluatedOn) {
        return standing.evaluate(
                presentationOf(presentation, shareToken, domain, challenge),
                challenge,
                domain,
                institutionId,
                program,
                evaluatedOn == null ? LocalDate.now() : evaluatedOn);
    }

    @MutationMapping
    StandingDecision recordAdvancedStanding(
            @Argument String presentation,
            @Argument String shareToken,
            @Argument String challenge,
            @Argument String domain,
            @Argument String program,
            @Argument LocalDate evaluatedOn) {
        return decisions.record(
                presentationOf(presentation, shareToken, domain, challenge),
                challenge,
                domain,
                program,
                evaluatedOn == null ? LocalDate.now() : evaluatedOn);
    }

    @QueryMapping
    Window<StandingDecision> myAdvancedStanding(ScrollSubrange subrange) {
        return decisions.mine(subrange);
    }

    @QueryMapping
    Window<StandingDecision> advancedStandingDecisions(
            @Argument @Size(max = 120) String search, ScrollSubrange subrange) {
        return decisions.ofMyInstitution(search, subrange);
    }

    @MutationMapping
    StandingDecision setApplicantId(
            @Argument @NotBlank @Size(max = 64) String decisionId, @Argument @Size(max = 64) String applicantId) {
        return decisions.setApplicantId(decisionId, applicantId);
    }

    @SchemaMapping(typeName = "AdvancedStandingEvaluation", field = "identity")
    DisclosedIdentity identity(AdvancedStanding.Evaluation evaluation) {
        return evaluation.identity().identity();
    }

    @SchemaMapping(typeName = "AdvancedStandingEvaluation", field = "identityChecks")
    List<VerificationCheck> identityChecks(AdvancedStanding.Evaluation evaluation) {
        return evaluation.identity().checks();
    }

    /** The presentation given, or the one a share link offers (a share link stands for it). */
    private String presentationOf(String presentation, String shareToken, String domain, String challenge) {
        if ((presentation == null) == (shareToken == null)) {
            throw new InvalidInputException(
                    "PRESENTATION_OR_SHARE", "presentation", "Give either a presentation or a share token, not both.");
        }
        return presentation != null
                ? presentation
                : shares.present(shareToken, domain, challenge)
                        .orElseThrow(() -> new NotFoundException(
                                "SHARE_NOT_FOUND", "shareToken", "No active share has this token."));
    }

    @MutationMapping
    CreditRule createCreditRule(@Argument @Valid CreditRuleInput input) {
        return rules.create(input);
    }

    @MutationMapping
    CreditRule reviseCreditRule(@Argument String ruleId, @Argument @Valid CreditRuleInput input) {
        return rules.revise(ruleId, input);
    }

    @QueryMapping
    Window<CreditRule> creditRules(
            @Argument String institutionId, @Argument String credentialId, ScrollSubrange subrange) {
        return rules.list(institutionId, credentialId, subrange);
    }

    @SchemaMapping(typeName = "CreditRule", field = "credential")
    CredentialDefinition credential(CreditRule rule) {
        return catalog.find(rule.credentialId()).orElse(null);
    }

    /** What the credential is worth today at every college that publishes a rule for it. */
    @BatchMapping(typeName = "Credential", field = "creditRules")
    Map<CredentialDefinition, List<CreditRule>> creditRulesOf(List<CredentialDefinition> credentials) {
        Map<String, List<CreditRule>> byCredential = rules.inEffect(
                credentials.stream().map(CredentialDefinition::id).toList(), LocalDate.now());
        return credentials.stream()
                .collect(Collectors.toMap(c -> c, c -> byCredential.getOrDefault(c.id(), List.of()), (a, b) -> a));
    }
}
