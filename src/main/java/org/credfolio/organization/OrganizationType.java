package org.credfolio.organization;

/** Kinds of organization that take part in a learner's credentials. */
public enum OrganizationType {
    DISTRICT,
    SCHOOL,
    COLLEGE,
    EMPLOYER,
    WORKFORCE_BOARD,
    CERTIFYING_BODY
}
