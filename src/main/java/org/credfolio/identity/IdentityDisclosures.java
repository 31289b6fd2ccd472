package org.credfolio.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.status.StatusAllocation;
import org.credfolio.trust.status.StatusLists;
import org.credfolio.trust.status.StatusPurpose;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A learner discloses identity to one college: the learner picks the fields, the values come from
 * the district's record, and the learner's district signs them into an identity credential (both
 * proof forms, as earned credentials) with a revocation entry. The learner lists their disclosures
 * and can stop one, which revokes its credential. Nothing is disclosed unless the learner asks:
 * earned credentials and shares stay free of identity.
 */
@Service
public class IdentityDisclosures {

    private final MongoOperations mongo;
    private final LearnerManagement learners;
    private final IdentityRecords records;
    private final OrganizationManagement organizations;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final AuditLog audit;

    IdentityDisclosures(
            MongoOperations mongo,
            LearnerManagement learners,
            IdentityRecords records,
            OrganizationManagement organizations,
            IssuerKeys keys,
            StatusLists statusLists,
            AuditLog audit) {
        this.mongo = mongo;
        this.learners = learners;
        this.records = records;
        this.organizations = organizations;
        this.keys = keys;
        this.statusLists = statusLists;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('LEARNER')")
    public IdentityDisclosure disclose(String audienceId, List<IdentityField> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInputException(
                    "IDENTITY_FIELDS_REQUIRED", "fields", "Choose at least one field to disclose.");
        }
        List<IdentityField> fields = List.copyOf(new TreeSet<>(requested));
        Organization college = organizations
                .find(audienceId)
                .filter(o -> o.type() == OrganizationType.COLLEGE)
                .orElseThrow(() -> new NotFoundException(
                        "COLLEGE_NOT_FOUND", "audienceId", "No college " + audienceId + " is on record here."));
        Learner learner = learners.me();
        IdentityRecord record = records.of(learner.id());
        IdentityCredential.Values values = values(learner, record, fields);
        String id = RandomIds.withPrefix("disclosure");
        String district = learner.districtId();
        StatusAllocation status = statusLists.allocate(district);
        Instant now = Instant.now();
        Map<String, Object> secured = keys.secure(
                district,
                IdentityCredential.credential(
                        id,
                        keys.issuerDid(district),
                        organizations.get(district).name(),
                        keys.learnerDid(learner.id()),
                        college.name(),
                        values,
                        now,
                        statusLists.credentialStatus(status)));
        String jwt = keys.sign(district, OpenBadgeEnvelope.VC_JWT_TYPE, IdentityCredential.jwtPayload(secured, now));
        IdentityDisclosure disclosure = mongo.insert(new IdentityDisclosure(
                id,
                learner.id(),
                district,
                college.id(),
                college.name(),
                fields,
                jwt,
                CredentialForms.json(secured),
                status,
                now,
                null));
        // The audit log says what kind of thing was disclosed to whom, never the values.
        audit.record(
                "identity.disclosed",
                "IdentityDisclosure",
                id,
                Map.of(
                        "audienceId",
                        college.id(),
                        "fields",
                        fields.stream().map(Enum::name).toList()));
        return disclosure;
    }

    /**
     * The values of the chosen fields from the district's record. Legal name and date of birth of a
     * learner under 18 (or of unknown age) need a guardian's recorded consent.
     */
    private static IdentityCredential.Values values(
            Learner learner, IdentityRecord record, List<IdentityField> fields) {
        boolean guarded = fields.stream().anyMatch(IdentityField::needsGuardianConsentForMinors);
        if (guarded && record.minorOrUnknownAgeOn(LocalDate.now()) && record.guardianConsent() == null) {
            throw new InvalidInputException(
                    "GUARDIAN_CONSENT_REQUIRED",
                    "fields",
                    (record.dateOfBirth() == null
                                    ? "Your district has no date of birth on record for you"
                                    : "You are under 18")
                            + ", so your legal name and date of birth can be disclosed only once your registrar"
                            + " has recorded a guardian's consent. The other fields need none.");
        }
        Map<IdentityField, String> byField = new EnumMap<>(IdentityField.class);
        for (IdentityField field : fields) {
            String value =
                    switch (field) {
                        case DISPLAY_NAME -> learner.nameWithFamilyInitial();
                        case LEGAL_NAME -> learner.displayName();
                        case DATE_OF_BIRTH ->
                            record.dateOfBirth() == null
                                    ? null
                                    : record.dateOfBirth().toString();
                        case STUDENT_ID -> learner.studentId();
                        case GRADUATION_YEAR -> String.valueOf(learner.graduationYear());
                    };
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(
                        "IDENTITY_FIELD_NOT_RECORDED",
                        "fields",
                        "Your district has no " + field.name().toLowerCase().replace('_', ' ')
                                + " on record for you; ask your registrar.");
            }
            byField.put(field, value);
        }
        return new IdentityCredential.Values(byField);
    }

    /** The signed-in learner's disclosures, newest first. */
    @PreAuthorize("hasRole('LEARNER')")
    public Window<IdentityDisclosure> mine(ScrollSubrange page) {
        Query query = Query.query(
                        Criteria.where("learnerId").is(CurrentUsers.require().learnerId()))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))
                .limit(PageRequests.size(page))
                .with(PageRequests.position(page));
        return mongo.scroll(query, IdentityDisclosure.class);
    }

    /**
     * Stops further disclosure: the credential is revoked, so presenting it again fails its status
     * check everywhere. Decisions recorded before keep what was disclosed then.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public IdentityDisclosure stop(String disclosureId) {
        IdentityDisclosure disclosure = own(disclosureId);
        if (disclosure.stoppedAt() != null) {
            return disclosure;
        }
        statusLists.set(disclosure.status(), StatusPurpose.REVOCATION, true);
        IdentityDisclosure stopped = disclosure.stopped(Instant.now());
        mongo.save(stopped);
        audit.record("identity.disclosure-stopped", "IdentityDisclosure", disclosureId, Map.of());
        return stopped;
    }

    /**
     * A disclosure of the signed-in learner that may still be presented, for a share that carries
     * it; refused when it is another learner's, unknown or stopped.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public IdentityDisclosure usable(String disclosureId) {
        IdentityDisclosure disclosure = own(disclosureId);
        if (disclosure.stoppedAt() != null) {
            throw new ConflictException(
                    "IDENTITY_DISCLOSURE_STOPPED",
                    "identityDisclosureId",
                    "You stopped this disclosure; disclose again to share your identity.");
        }
        return disclosure;
    }

    /** A disclosure by id for a share being presented (the share link is the authority), if live. */
    public Optional<IdentityDisclosure> forPresentation(String disclosureId, String learnerId) {
        return Optional.ofNullable(mongo.findById(disclosureId, IdentityDisclosure.class))
                .filter(d -> d.learnerId().equals(learnerId) && d.stoppedAt() == null);
    }

    private IdentityDisclosure own(String disclosureId) {
        IdentityDisclosure disclosure = mongo.findById(disclosureId, IdentityDisclosure.class);
        if (disclosure == null
                || !disclosure.learnerId().equals(CurrentUsers.require().learnerId())) {
            throw new NotFoundException(
                    "IDENTITY_DISCLOSURE_NOT_FOUND", "id", "You have no identity disclosure " + disclosureId + ".");
        }
        return disclosure;
    }
}
