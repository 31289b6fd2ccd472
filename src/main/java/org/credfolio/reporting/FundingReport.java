package org.credfolio.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.credfolio.awards.FeePayer;

/**
 * Who paid the exam fees of a district's earned credentials and how many learners each source
 * served. FAMILY is the one source that is not coverage.
 *
 * @param learnersServed learners with at least one exam fee paid by anyone other than their family
 */
public record FundingReport(
        String districtId,
        String districtName,
        Instant generatedAt,
        List<Source> sources,
        long exams,
        BigDecimal amount,
        long coveredExams,
        BigDecimal coveredAmount,
        long learnersServed) {

    /** One source of exam fees. */
    public record Source(FeePayer payer, boolean coverage, long exams, BigDecimal amount, long learners) {}
}
