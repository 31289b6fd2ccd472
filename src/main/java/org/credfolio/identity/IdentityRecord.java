package org.credfolio.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the district records about a learner's identity beyond the roster: the date of birth and a
 * guardian's consent to disclose legal name and date of birth while the learner is a minor. Kept
 * apart from the learner's profile, which the learner's own portfolio reads: these are read only
 * to issue a disclosure the learner asked for, and by the registrars who record them.
 *
 * @param id the learner's id
 * @param guardianConsent null until a registrar records it
 */
@Document("learner_identity")
record IdentityRecord(
        @Id String id, LocalDate dateOfBirth, GuardianConsent guardianConsent, Instant updatedAt, String updatedBy) {

    /** A guardian's consent as a registrar recorded it (the signed form stays with the district). */
    record GuardianConsent(String guardianName, Instant recordedAt, String recordedBy) {}

    static IdentityRecord empty(String learnerId) {
        return new IdentityRecord(learnerId, null, null, null, null);
    }

    /** Under 18 on the day, or of unknown age: both need a guardian's consent for the guarded fields. */
    boolean minorOrUnknownAgeOn(LocalDate day) {
        return dateOfBirth == null || Period.between(dateOfBirth, day).getYears() < 18;
    }
}
