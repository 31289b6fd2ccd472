package org.credfolio.trust;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL face of the verification engine; public like the VC API endpoints. */
@Controller
class VerificationController {
    private final CredentialVerifier verifier;

    VerificationController(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    @QueryMapping
    CredentialVerification verifyCredential(@Argument String credential) {
        return verifier.verifyCredential(credential);
    }
}
