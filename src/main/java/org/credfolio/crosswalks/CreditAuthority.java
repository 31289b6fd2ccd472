package org.credfolio.crosswalks;

/** Who vouches for the equivalence: an ACE recommendation, a state articulation agreement, or the college's faculty. */
public enum CreditAuthority {
    ACE,
    STATE_ARTICULATION,
    LOCAL_FACULTY
}
