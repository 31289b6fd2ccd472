package org.credfolio.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A learner's registrar records their date of birth and a guardian's consent: what a learner's own
 * identity disclosures rest on. Only for learners the registrar's organization may read (checked by
 * {@link LearnerManagement#get}); the audit log names the learner and what was recorded, never the
 * value.
 */
@Service
public class IdentityRecords {
    private final MongoOperations mongo;
    private final LearnerManagement learners;
    private final AuditLog audit;

    IdentityRecords(MongoOperations mongo, LearnerManagement learners, AuditLog audit) {
        this.mongo = mongo;
        this.learners = learners;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Learner recordDateOfBirth(String learnerId, LocalDate dateOfBirth) {
        Learner learner = learners.get(learnerId);
        LocalDate today = LocalDate.now();
        if (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(120))) {
            throw new InvalidInputException(
                    "DATE_OF_BIRTH_OUT_OF_RANGE", "dateOfBirth", "A date of birth is in the past 120 years.");
        }
        IdentityRecord record = of(learnerId);
        mongo.save(new IdentityRecord(
                learnerId,
                dateOfBirth,
                record.guardianConsent(),
                Instant.now(),
                CurrentUsers.require().subject()));
        audit.record("identity.date-of-birth-recorded", "Learner", learnerId, Map.of());
        return learner;
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Learner recordIdentityGuardianConsent(String learnerId, String guardianName) {
        Learner learner = learners.get(learnerId);
        String subject = CurrentUsers.require().subject();
        IdentityRecord record = of(learnerId);
        var consent = new IdentityRecord.GuardianConsent(guardianName.strip(), Instant.now(), subject);
        mongo.save(new IdentityRecord(learnerId, record.dateOfBirth(), consent, Instant.now(), subject));
        audit.record("identity.guardian-consent-recorded", "Learner", learnerId, Map.of());
        return learner;
    }

    IdentityRecord of(String learnerId) {
        IdentityRecord record = mongo.findById(learnerId, IdentityRecord.class);
        return record == null ? IdentityRecord.empty(learnerId) : record;
    }
}
