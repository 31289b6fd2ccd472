package org.credfolio.crosswalks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.credfolio.identity.DisclosedIdentity;
import org.credfolio.shared.csv.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A college's recorded decisions as CSV for its student information system: {@code GET
 * /advanced-standing/decisions.csv} with a COLLEGE bearer token. One row per course granted (a
 * decision that granted nothing has one row without a course), newest decision first, identity
 * columns empty where the learner disclosed none. Cells a spreadsheet would run as a formula are
 * defused.
 */
@RestController
class DecisionDownloads {
    /** Ten years of a large college's applicants; past it, the newest are given and the count says so. */
    static final int MAX_DECISIONS = 20_000;

    private final StandingDecisions decisions;

    DecisionDownloads(StandingDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/advanced-standing/decisions.csv")
    ResponseEntity<byte[]> csv() {
        List<StandingDecision> all = decisions.allOfMyInstitution(MAX_DECISIONS);
        Csv csv = new Csv()
                .row(
                        "applicant_id",
                        "legal_name",
                        "display_name",
                        "date_of_birth",
                        "district_student_id",
                        "credential",
                        "course_code",
                        "course_title",
                        "credits",
                        "credit_unit",
                        "rule_id",
                        "rule_version",
                        "decided_at",
                        "decision_id");
        for (StandingDecision decision : all) {
            DisclosedIdentity who = decision.identity();
            Object[] person = {
                decision.applicantId(),
                who == null ? null : who.legalName(),
                who == null ? null : who.displayName(),
                who == null ? null : who.dateOfBirth(),
                who == null ? null : who.studentId()
            };
            if (decision.grants().isEmpty()) {
                csv.row(concat(person, new Object[] {null, null, null, null, null, null, null}, decision));
            }
            for (StandingDecision.GrantedCourse grant : decision.grants()) {
                csv.row(concat(
                        person,
                        new Object[] {
                            grant.achievementName(),
                            grant.courseCode(),
                            grant.courseTitle(),
                            grant.credits().toPlainString(),
                            grant.creditUnit(),
                            grant.ruleId(),
                            grant.ruleVersion()
                        },
                        decision));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"advanced-standing-decisions.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Decisions-Limit", String.valueOf(MAX_DECISIONS))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] concat(Object[] person, Object[] course, StandingDecision decision) {
        Object[] row = new Object[person.length + course.length + 2];
        System.arraycopy(person, 0, row, 0, person.length);
        System.arraycopy(course, 0, row, person.length, course.length);
        row[row.length - 2] = decision.decidedAt();
        row[row.length - 1] = decision.id();
        return row;
    }
}
