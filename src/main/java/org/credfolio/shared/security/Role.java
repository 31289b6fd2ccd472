package org.credfolio.shared.security;

/** What a signed-in user may do; each user has exactly one role in one organization. */
public enum Role {
    /** Sees and shares their own portfolio. */
    LEARNER,
    /** Reads the learners of their own organization. */
    EDUCATOR,
    /** Records, revokes and suspends credentials and manages learners of their own organization. */
    REGISTRAR,
    /** Curates the catalog, reads reports and manages accounts of their own district. */
    DISTRICT_ADMIN,
    /** Maintains their own institution's credit crosswalks and evaluations. */
    COLLEGE,
    /** Endorses and reviews credentials. */
    EMPLOYER,
    /** Operates the platform: organizations, accounts, data loads. */
    PLATFORM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
