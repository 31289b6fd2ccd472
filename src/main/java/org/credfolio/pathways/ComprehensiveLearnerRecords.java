package org.credfolio.pathways;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardManagement;
import org.credfolio.awards.AwardStatus;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerAccess;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Exports a learner's whole record as a CLR 2.0 ClrCredential, signed as a VC-JWT by the learner's
 * district. A learner exports their own; a registrar or district admin of the learner's
 * organization may export it for them. Each export is signed fresh and not stored.
 */
@Service
public class ComprehensiveLearnerRecords {
    private final LearnerManagement learners;
    private final AwardManagement awards;
    private final Enrollments enrollments;
    private final OrganizationManagement organizations;
    private final IssuerKeys keys;
    private final AuditLog audit;

    ComprehensiveLearnerRecords(
            LearnerManagement learners,
            AwardManagement awards,
            Enrollments enrollments,
            OrganizationManagement organizations,
            IssuerKeys keys,
            AuditLog audit) {
        this.learners = learners;
        this.awards = awards;
        this.enrollments = enrollments;
        this.organizations = organizations;
        this.keys = keys;
        this.audit = audit;
    }

    /** The signed record and what it holds. */
    /**
     * @param ldpCredential the record with its embedded eddsa-rdfc-2022 proof, every nested
     *     credential with its own
     * @param credentialJson the VC-JWT's payload
     */
    public record SignedRecord(
            String jwt,
            Map<String, Object> credentialJson,
            Map<String, Object> ldpCredential,
            int credentialCount,
            int courseCount) {}

    @PreAuthorize("hasAnyRole('LEARNER', 'REGISTRAR', 'DISTRICT_ADMIN')")
    public SignedRecord export(String learnerId) {
        Learner learner = learner(learnerId);
        List<Award> held = awards.forLearners(List.of(learner)).getOrDefault(learner.id(), List.of());
        Map<String, Map<String, Object>> secured = awards.securedCredentials(held);
        List<Map<String, Object>> credentials = held.stream()
                // Suspended and revoked credentials are not what the district asserts today.
                .filter(a -> a.status() == AwardStatus.ACTIVE && secured.containsKey(a.id()))
                .map(a -> secured.get(a.id()))
                .toList();
        List<ProgramEnrollment> programs =
                enrollments.forLearners(List.of(learner)).getOrDefault(learner.id(), List.of());
        int courses =
                programs.stream().mapToInt(e -> e.completedCourses().size()).sum();
        if (credentials.isEmpty() && courses == 0) {
            // CLR 2.0 requires at least one credential in the record.
            throw new InvalidInputException(
                    "NOTHING_TO_EXPORT",
                    "learnerId",
                    "The record holds no valid credential and no completed course yet.");
        }
        var issuer = new ClrCredential.Issuer(
                keys.issuerDid(learner.districtId()),
                organizations.get(learner.districtId()).name());
        String district = learner.districtId();
        String learnerDid = keys.learnerDid(learner.id());
        Map<String, Object> record = keys.secure(
                district,
                ClrCredential.credential(
                        issuer, learnerDid, credentials, programs, c -> keys.secure(district, c), Instant.now()));
        Map<String, Object> payload = ClrCredential.jwtPayload(record, learnerDid);
        String jwt = keys.sign(district, OpenBadgeEnvelope.VC_JWT_TYPE, payload);
        audit.record(
                "clr.exported",
                "Learner",
                learner.id(),
                Map.of("credentials", credentials.size(), "courses", courses, "id", record.get("id")));
        return new SignedRecord(jwt, payload, record, credentials.size(), courses);
    }

    private Learner learner(String learnerId) {
        CurrentUser user = CurrentUsers.require();
        if (user.is(Role.LEARNER)) {
            if (learnerId != null && !learnerId.equals(user.learnerId())) {
                throw new AccessDeniedException("You can only export your own record.");
            }
            return learners.me();
        }
        if (learnerId == null) {
            throw new InvalidInputException(
                    "LEARNER_REQUIRED", "learnerId", "Name the learner whose record to export.");
        }
        Learner learner = learners.get(learnerId);
        if (!LearnerAccess.canManage(user, learner)) {
            throw new AccessDeniedException("Only registrars and district admins of the learner's organization can.");
        }
        return learner;
    }
}
