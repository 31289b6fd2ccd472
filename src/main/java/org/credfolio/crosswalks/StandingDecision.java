package org.credfolio.crosswalks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.credfolio.identity.DisclosedIdentity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A college's recorded advanced-standing decision for a learner: what its rules granted on the
 * evaluation date, re-evaluated on the server from the learner's presentation (a client never
 * supplies the grants), and what earned nothing.
 *
 * @param identity who the learner is, as the presentation disclosed it to this college and the
 *     learner's district vouched for it at the time; null when none was disclosed. Kept as it was
 *     then, whatever the learner decides later.
 * @param applicantId the college's own id for the applicant, attached by the college; null until then
 */
@Document("standing_decisions")
// A learner's and an institution's decisions are listed page by page, newest first.
@CompoundIndexes({
    @CompoundIndex(name = "learner_decided", def = "{'learnerId': 1, 'decidedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "institution_decided", def = "{'institutionId': 1, 'decidedAt': -1, '_id': 1}")
})
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
        String decidedBy,
        DisclosedIdentity identity,
        String applicantId) {

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
