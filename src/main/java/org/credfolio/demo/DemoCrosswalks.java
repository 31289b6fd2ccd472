package org.credfolio.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.credfolio.catalog.seed.CatalogSeed;
import org.credfolio.crosswalks.CourseLevel;
import org.credfolio.crosswalks.CreditAuthority;
import org.credfolio.crosswalks.CreditRule;
import org.credfolio.crosswalks.CreditUnit;

/**
 * Credit rules of the fictional demo college. Illustrative only: realistic course numbers from the
 * Texas Workforce Education Course Manual style, but no real articulation agreement stands behind
 * them, and every rule says so in its notes.
 */
final class DemoCrosswalks {
    static final String NOTE = "Illustrative demo rule: not an actual articulation agreement.";

    private DemoCrosswalks() {}

    static List<CreditRule> rules(Instant now) {
        return List.of(
                rule(
                        "demo-rule-welding",
                        CatalogSeed.CREDENTIAL_PREFIX + "351",
                        "WLDG 1428",
                        "Introduction to Shielded Metal Arc Welding (SMAW)",
                        "4",
                        List.of("Welding Technology AAS", "Welding Certificate Level 1"),
                        36,
                        now),
                rule(
                        "demo-rule-a-plus",
                        CatalogSeed.CREDENTIAL_PREFIX + "480",
                        "ITSC 1325",
                        "Personal Computer Hardware",
                        "3",
                        List.of("Computer Networking AAS", "Cybersecurity AAS"),
                        36,
                        now));
    }

    private static CreditRule rule(
            String ruleId,
            String credentialId,
            String courseCode,
            String courseTitle,
            String credits,
            List<String> programs,
            int earnedWithinMonths,
            Instant now) {
        return new CreditRule(
                ruleId + ".v1",
                ruleId,
                1,
                DemoOrganizations.COLLEGE,
                credentialId,
                courseCode,
                courseTitle,
                new BigDecimal(credits),
                CreditUnit.SEMESTER_HOURS,
                CourseLevel.LOWER_DIVISION,
                programs,
                new BigDecimal("12"),
                null,
                earnedWithinMonths,
                true,
                CreditAuthority.LOCAL_FACULTY,
                LocalDate.of(2025, 8, 1),
                null,
                NOTE,
                now,
                "demo");
    }
}
