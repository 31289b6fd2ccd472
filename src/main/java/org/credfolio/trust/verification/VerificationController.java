package org.credfolio.trust.verification;

import org.credfolio.shared.error.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL face of the verification engine; public like the VC API endpoints. */
@Controller
class VerificationController {
    private final CredentialVerifier verifier;
    private final PresentationVerifier presentations;
    private final Challenges challenges;

    VerificationController(CredentialVerifier verifier, PresentationVerifier presentations, Challenges challenges) {
        this.verifier = verifier;
        this.presentations = presentations;
        this.challenges = challenges;
    }

    @QueryMapping
    PresentationVerification verifyPresentation(
            @Argument String presentation, @Argument String challenge, @Argument String domain) {
        return presentations.verifyPresentation(presentation, challenge, domain);
    }

    @MutationMapping
    Challenges.Challenge createChallenge(@Argument String domain) {
        if (domain != null && domain.length() > 200) {
            throw new InvalidInputException("OUT_OF_RANGE", "domain", "The domain may be at most 200 characters.");
        }
        return challenges.issue(domain);
    }

    @QueryMapping
    CredentialVerification verifyCredential(@Argument String credential) {
        return verifier.verifyCredential(credential);
    }
}
