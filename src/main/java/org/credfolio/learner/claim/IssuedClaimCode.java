package org.credfolio.learner.claim;

import java.time.Instant;

/** A claim code as the registrar hands it out: shown once, with whom it is for. */
public record IssuedClaimCode(String learnerId, String studentId, String displayName, String code, Instant expiresAt) {}
