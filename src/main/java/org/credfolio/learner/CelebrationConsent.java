package org.credfolio.learner;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Whether a learner may be named on their district's public celebration pages. Credfolio stores no
 * birth dates, so every learner counts as a minor unless a registrar or district admin of their
 * district has recorded that they are 18 or older; a minor is named only with a guardian's consent
 * recorded by staff. The learner's own opt-in is needed either way. One document per learner, keyed
 * by the learner id, every change a single-document upsert (and an audit entry).
 *
 * @param learnerId the learner, also the document id
 * @param districtId the learner's district when the record last changed
 * @param optedIn the learner chose to be named
 * @param guardianConsent a guardian's consent is on record (false once withdrawn)
 * @param guardianName the guardian's name exactly as staff entered it; shown to the district's
 *     registrars and district admins only
 * @param guardianRecordedBy the account that recorded the guardian's decision
 * @param adult staff recorded that the learner is 18 or older
 * @param adultRecordedBy the account that recorded it
 */
@Document("celebration_consents")
public record CelebrationConsent(
        @Id String learnerId,
        String districtId,
        Boolean optedIn,
        Instant optedInChangedAt,
        Boolean guardianConsent,
        String guardianName,
        String guardianRecordedBy,
        Instant guardianRecordedAt,
        Boolean adult,
        String adultRecordedBy,
        Instant adultRecordedAt) {

    /** A decision never made reads as no (absent fields of a record written by one upsert). */
    public CelebrationConsent {
        optedIn = Boolean.TRUE.equals(optedIn);
        guardianConsent = Boolean.TRUE.equals(guardianConsent);
        adult = Boolean.TRUE.equals(adult);
    }

    static CelebrationConsent none(String learnerId, String districtId) {
        return new CelebrationConsent(learnerId, districtId, false, null, false, null, null, null, false, null, null);
    }

    /** The learner opted in, and is either recorded as an adult or has a guardian's consent on record. */
    public boolean mayBeNamed() {
        return optedIn && (adult || guardianConsent);
    }
}
