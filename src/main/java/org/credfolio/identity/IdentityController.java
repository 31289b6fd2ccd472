package org.credfolio.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.learner.Learner;
import org.credfolio.trust.CredentialForms;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class IdentityController {
    private final IdentityDisclosures disclosures;
    private final IdentityRecords records;

    IdentityController(IdentityDisclosures disclosures, IdentityRecords records) {
        this.disclosures = disclosures;
        this.records = records;
    }

    record DiscloseIdentityInput(@NotBlank @Size(max = 64) String audienceId, @NotNull List<IdentityField> fields) {}

    @MutationMapping
    IdentityDisclosure discloseIdentity(@Argument @Valid DiscloseIdentityInput input) {
        return disclosures.disclose(input.audienceId(), input.fields());
    }

    @MutationMapping
    IdentityDisclosure stopIdentityDisclosure(@Argument @NotBlank @Size(max = 64) String id) {
        return disclosures.stop(id);
    }

    @QueryMapping
    Window<IdentityDisclosure> myIdentityDisclosures(ScrollSubrange subrange) {
        return disclosures.mine(subrange);
    }

    @MutationMapping
    Learner recordDateOfBirth(@Argument @NotBlank String learnerId, @Argument @NotNull LocalDate dateOfBirth) {
        return records.recordDateOfBirth(learnerId, dateOfBirth);
    }

    @MutationMapping
    Learner recordIdentityGuardianConsent(
            @Argument @NotBlank String learnerId, @Argument @NotBlank @Size(max = 200) String guardianName) {
        return records.recordIdentityGuardianConsent(learnerId, guardianName);
    }

    @SchemaMapping(typeName = "IdentityDisclosure", field = "credentialJwt")
    String credentialJwt(IdentityDisclosure disclosure) {
        return disclosure.jwt();
    }

    @SchemaMapping(typeName = "IdentityDisclosure", field = "ldpCredential")
    Map<String, Object> ldpCredential(IdentityDisclosure disclosure) {
        return CredentialForms.parseJson(disclosure.ldpCredential());
    }
}
