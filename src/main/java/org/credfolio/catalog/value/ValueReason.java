package org.credfolio.catalog.value;

/**
 * One rule of a classification, whether it held, and the figures it was judged on.
 *
 * @param rule a stable name such as {@code DEMAND} or {@code LIVING_WAGE}
 * @param detail the figures and thresholds, in words a district admin can check
 */
public record ValueReason(String rule, boolean passed, String detail) {}
