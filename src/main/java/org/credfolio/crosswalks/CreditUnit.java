package org.credfolio.crosswalks;

/** How a college counts the credit a rule grants. */
public enum CreditUnit {
    SEMESTER_HOURS,
    QUARTER_HOURS,
    CLOCK_HOURS
}
