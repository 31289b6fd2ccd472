package org.credfolio.catalog.value;

/**
 * Where a credential stands by the jobs a high-school graduate with it can get now, in the region, at
 * entry pay. Demand and wage are judged per linked occupation that such a graduate can enter: one
 * that is both in demand and pays enough at entry makes a credential high value.
 */
public enum ValueTier {
    /** Leads to an occupation open to high-school graduates, in demand, that pays enough at entry. */
    HIGH_VALUE,
    /** Leads to such occupations in demand, none of which pays enough at entry. */
    LOW_WAGE,
    /** Leads to such occupations that pay enough at entry, none of which is in demand. */
    LIMITED_DEMAND,
    /** Leads to such occupations, neither in demand nor paying enough at entry. */
    LOW_VALUE,
    /** Leads only toward occupations that need a degree or experience first: a pathway, not a job now. */
    PATHWAY_ONLY,
    /** General career readiness (workplace safety, first aid, basic skills): never high value on its own. */
    CAREER_READINESS,
    /** No linked occupation has published figures to judge by. */
    NOT_CLASSIFIED
}
