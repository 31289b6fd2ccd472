package org.credfolio.crosswalks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A college's recorded advanced-standing decision for a learner: what its rules granted on the
 * evaluation date, re-evaluated on the server from the learner's presentation (a client never
 * supplies the grants), and what earned nothing.
 */
@Document("standing_decisions")
public record StandingDecision(
        @Id String id,
        String institutionId,
        String learnerId,
        String holder,
        String program,
        LocalDate evaluatedOn,
        List<GrantedCourse> grants,
        List<AdvancedStanding.Denial> denied,
        Instant decidedAt,
        String decidedBy) {

    /** One course granted, with the rule version behind it. */
    public record GrantedCourse(
            String credentialId,
            String achievementName,
            String courseCode,
            String courseTitle,
            BigDecimal credits,
            CreditUnit creditUnit,
            String ruleId,
            int ruleVersion) {}
}
