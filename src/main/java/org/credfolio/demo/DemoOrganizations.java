package org.credfolio.demo;

import java.time.Instant;
import java.util.List;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;

/**
 * The fictional demo tenant. Ids are fixed so that the README's example queries can name them;
 * names say "fictional demo" so nobody mistakes the data for a real district's.
 */
final class DemoOrganizations {
    static final String DISTRICT = "demo-district";
    static final String HIGH_SCHOOL = "demo-school-chhs";
    static final String CAREER_ACADEMY = "demo-school-rca";
    static final String COLLEGE = "demo-college";
    static final String EMPLOYER = "demo-employer";
    static final String WORKFORCE_BOARD = "demo-workforce-board";

    /** The data follows the Texas lists, so the demo tenant is placed in Texas. */
    private static final String STATE = "TX";

    private DemoOrganizations() {}

    static List<Organization> all(Instant createdAt) {
        return List.of(
                org(
                        DISTRICT,
                        OrganizationType.DISTRICT,
                        "Cedar Hollow Unified School District (fictional demo)",
                        null,
                        createdAt),
                org(HIGH_SCHOOL, OrganizationType.SCHOOL, "Cedar Hollow High School", DISTRICT, createdAt),
                org(CAREER_ACADEMY, OrganizationType.SCHOOL, "Riverbend Career Academy", DISTRICT, createdAt),
                org(
                        COLLEGE,
                        OrganizationType.COLLEGE,
                        "Cedar Hollow Community College (fictional demo)",
                        null,
                        createdAt),
                org(EMPLOYER, OrganizationType.EMPLOYER, "Northfield Manufacturing (fictional demo)", null, createdAt),
                org(
                        WORKFORCE_BOARD,
                        OrganizationType.WORKFORCE_BOARD,
                        "Cedar Hollow Regional Workforce Board (fictional demo)",
                        null,
                        createdAt));
    }

    private static Organization org(
            String id, OrganizationType type, String name, String districtId, Instant createdAt) {
        return new Organization(id, type, name, districtId, STATE, null, null, createdAt);
    }
}
