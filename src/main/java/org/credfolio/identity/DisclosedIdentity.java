package org.credfolio.identity;

import java.time.LocalDate;

/**
 * Who a presentation's holder is, as their district vouched for it in a verified identity
 * credential: only the fields the learner chose, the others null.
 *
 * @param vouchedBy the district's DID, the credential's issuer
 * @param disclosureId the learner's disclosure the credential came from
 */
public record DisclosedIdentity(
        String displayName,
        String legalName,
        LocalDate dateOfBirth,
        String studentId,
        Integer graduationYear,
        String vouchedBy,
        String disclosureId) {}
