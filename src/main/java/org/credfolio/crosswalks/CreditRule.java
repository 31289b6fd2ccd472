package org.credfolio.crosswalks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a college's rule mapping a catalog credential to course credit. Versions of a rule
 * share {@code ruleId}; each is a document of its own ({@code <ruleId>.v<version>}), so history is
 * kept and a new version can only be written once. A version is in effect from {@code
 * effectiveFrom} until the day before {@code effectiveUntil}; revising a rule ends its previous
 * version where the new one starts.
 *
 * @param minimumResult lowest numeric result that earns the credit, where the credential reports one
 * @param earnedWithinMonths how recently the credential must have been earned, or null
 * @param mustBeValid whether the credential must still be valid (not expired) when evaluated
 * @param capPerProgram most credits this rule may grant toward one program, or null
 */
@Document("credit_rules")
// Rules are looked up by credential (evaluation), by institution (its rule list) and by rule id (versions).
@CompoundIndexes({
    @CompoundIndex(name = "credential_institution", def = "{'credentialId': 1, 'institutionId': 1}"),
    @CompoundIndex(name = "institution_credential", def = "{'institutionId': 1, 'credentialId': 1}"),
    @CompoundIndex(name = "rule_version", def = "{'ruleId': 1, 'version': -1}")
})
public record CreditRule(
        @Id String id,
        String ruleId,
        int version,
        String institutionId,
        String credentialId,
        String courseCode,
        String courseTitle,
        BigDecimal credits,
        CreditUnit creditUnit,
        CourseLevel level,
        List<String> programs,
        BigDecimal capPerProgram,
        BigDecimal minimumResult,
        Integer earnedWithinMonths,
        boolean mustBeValid,
        CreditAuthority authority,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        String notes,
        Instant createdAt,
        String createdBy) {

    static String versionId(String ruleId, int version) {
        return ruleId + ".v" + version;
    }

    /** Whether this version applies on the given date. */
    public boolean inEffectOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
    }

    CreditRule endingOn(LocalDate until) {
        return new CreditRule(
                id,
                ruleId,
                version,
                institutionId,
                credentialId,
                courseCode,
                courseTitle,
                credits,
                creditUnit,
                level,
                programs,
                capPerProgram,
                minimumResult,
                earnedWithinMonths,
                mustBeValid,
                authority,
                effectiveFrom,
                until,
                notes,
                createdAt,
                createdBy);
    }
}
