package org.credfolio.awards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One credential a learner earned. Its id is {@code <learnerId>.<serial>}, so that the learner's
 * document is found by {@code _id} from the award id alone.
 *
 * @param dedupKey credential id and date earned; one learner cannot hold the same pair twice
 * @param result the result or score as the certifying body reported it
 */
public record Award(
        String id,
        String credentialId,
        LocalDate earnedOn,
        LocalDate expiresOn,
        String result,
        String evidenceUrl,
        ExamFee examFee,
        AwardStatus status,
        String statusReason,
        Instant statusChangedAt,
        String recordedBy,
        Instant recordedAt,
        String dedupKey) {

    /** Who paid the exam fee and how much, in US dollars. */
    public record ExamFee(FeePayer payer, BigDecimal amount) {}

    public String learnerId() {
        return learnerIdOf(id);
    }

    static String learnerIdOf(String awardId) {
        int dot = awardId == null ? -1 : awardId.lastIndexOf('.');
        return dot <= 0 ? null : awardId.substring(0, dot);
    }

    public static String dedupKey(String credentialId, LocalDate earnedOn) {
        return credentialId + "@" + earnedOn;
    }
}
