package org.credfolio.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.credfolio.awards.Award.ExamFee;
import org.credfolio.awards.AwardStatus;
import org.credfolio.awards.FeePayer;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;

/** Results, exam funding and status changes of synthetic awards. */
final class AwardDetails {
    /** Districts pay for most exams, often from Perkins or state funds; a few families pay. */
    private static final Weighted<FeePayer> PAYERS = new Weighted<FeePayer>()
            .add(FeePayer.DISTRICT, 55)
            .add(FeePayer.PERKINS, 18)
            .add(FeePayer.STATE_GRANT, 14)
            .add(FeePayer.FAMILY, 8)
            .add(FeePayer.WAIVED, 5);

    private static final List<String> SUSPENSION_REASONS = List.of(
            "Score under review by the certifying body after a testing-center irregularity report.",
            "Certifying body placed the credential on hold pending identity verification.");
    private static final List<String> REVOCATION_REASONS = List.of(
            "Certifying body invalidated the exam result (testing irregularity).",
            "Recorded in error: the learner sat the exam but did not pass.");

    private AwardDetails() {}

    record Status(AwardStatus status, String reason) {}

    /** MOS and CompTIA report scaled scores; other bodies report pass/fail or completion. */
    static String result(Random random, CredentialDefinition credential) {
        String name = credential.name();
        if (name.startsWith("Microsoft Office")) {
            return scaledScore(700 + random.nextInt(301), 1000);
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("comp tia") || name.startsWith("CompTIA")) {
            return scaledScore(675 + random.nextInt(226), 900);
        }
        return credential.type() == CredentialType.CERTIFICATE ? "Completed" : "Pass";
    }

    /** Null when the catalog does not know the fee: an amount would have to be invented. */
    static ExamFee fee(Random random, CredentialDefinition credential) {
        FeePayer payer = PAYERS.pick(random);
        BigDecimal typical = credential.typicalExamFee();
        if (typical == null) {
            return null;
        }
        return new ExamFee(payer, payer == FeePayer.WAIVED ? BigDecimal.ZERO : typical);
    }

    /** About one award in thirty is suspended or revoked. */
    static Status status(Random random) {
        double roll = random.nextDouble();
        if (roll < 0.02) {
            return new Status(AwardStatus.SUSPENDED, SUSPENSION_REASONS.get(random.nextInt(SUSPENSION_REASONS.size())));
        }
        if (roll < 0.035) {
            return new Status(AwardStatus.REVOKED, REVOCATION_REASONS.get(random.nextInt(REVOCATION_REASONS.size())));
        }
        return new Status(AwardStatus.ACTIVE, null);
    }

    private static String scaledScore(int score, int scale) {
        return "Scaled score " + score + " of " + scale;
    }
}
