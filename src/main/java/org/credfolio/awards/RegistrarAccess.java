package org.credfolio.awards;

import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerAccess;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The one check before any change to a learner's earned credentials. */
@Component
class RegistrarAccess {
    private final LearnerManagement learners;

    RegistrarAccess(LearnerManagement learners) {
        this.learners = learners;
    }

    /** The learner, when the caller is a registrar of the learner's organization. */
    Learner learnerToAward(String learnerId) {
        return learnerToAward(learners.get(learnerId));
    }

    /** The same check, for a learner the caller has just read through {@code LearnerManagement}. */
    Learner learnerToAward(Learner learner) {
        CurrentUser user = CurrentUsers.require();
        if (!LearnerAccess.canAward(user, learner)) {
            throw new AccessDeniedException(
                    "Only registrars of the learner's organization record or change credentials.");
        }
        return learner;
    }
}
