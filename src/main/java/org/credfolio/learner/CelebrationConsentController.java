package org.credfolio.learner;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Celebration consent over GraphQL (schema in celebrations.graphqls). */
@Controller
class CelebrationConsentController {
    private final CelebrationConsents consents;

    CelebrationConsentController(CelebrationConsents consents) {
        this.consents = consents;
    }

    @MutationMapping
    boolean setCelebrationConsent(@Argument boolean consent) {
        return consents.setOwn(consent);
    }

    @QueryMapping
    boolean myCelebrationConsent() {
        return consents.own();
    }

    @MutationMapping
    CelebrationConsent recordGuardianConsent(
            @Argument String learnerId, @Argument boolean granted, @Argument String guardianName) {
        return consents.recordGuardian(learnerId, granted, guardianName);
    }

    @MutationMapping
    CelebrationConsent recordLearnerIsAdult(@Argument String learnerId, @Argument boolean adult) {
        return consents.recordAdult(learnerId, adult);
    }

    @QueryMapping
    CelebrationConsent celebrationConsent(@Argument String learnerId) {
        return consents.get(learnerId);
    }

    @SchemaMapping(typeName = "CelebrationConsent", field = "mayBeNamed")
    boolean mayBeNamed(CelebrationConsent consent) {
        return consent.mayBeNamed();
    }
}
