package org.credfolio.crosswalks;

/** The level of the course a credential stands in for. */
public enum CourseLevel {
    DEVELOPMENTAL,
    LOWER_DIVISION,
    UPPER_DIVISION
}
