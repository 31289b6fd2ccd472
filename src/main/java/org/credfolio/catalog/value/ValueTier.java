package org.credfolio.catalog.value;

/**
 * Where a credential stands by the labor market it leads to. Demand and wage are judged per linked
 * occupation: one occupation that is both in demand and pays a living wage makes a credential high
 * value.
 */
public enum ValueTier {
    /** Leads to an occupation in demand that pays at least the living wage. */
    HIGH_VALUE,
    /** Leads to occupations in demand, none of which pays the living wage. */
    LOW_WAGE,
    /** Leads to occupations that pay the living wage, none of which is in demand. */
    LIMITED_DEMAND,
    /** Leads to occupations neither in demand nor paying the living wage. */
    LOW_VALUE,
    /** No linked occupation has published figures to judge by. */
    NOT_CLASSIFIED
}
