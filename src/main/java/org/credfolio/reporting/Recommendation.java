package org.credfolio.reporting;

/** What a district should do with a credential it offers or its learners earn. */
public enum Recommendation {
    /** High value, or a stepping stone into a high-value credential. */
    KEEP,
    /** In demand but low wage, well paid but little demand, or not classifiable: look closer. */
    REVIEW,
    /** Neither in demand nor paying a living wage, leads nowhere, and no employer vouches for it. */
    PHASE_OUT
}
