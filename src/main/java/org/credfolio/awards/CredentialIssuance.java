package org.credfolio.awards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.status.StatusAllocation;
import org.credfolio.trust.status.StatusLists;
import org.credfolio.trust.status.StatusPurpose;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues each earned credential once as an Open Badges 3.0 VC-JWT signed by the learner's
 * district. Issuing is idempotent: the stored credential is keyed by the award id, and a second
 * attempt gets the first one back.
 */
@Service
public class CredentialIssuance {
    /** Where an achievement's image is served, under its issuing district's did:web path. */
    public static final String ACHIEVEMENT_IMAGE_PATH =
            "/issuers/{organizationId}/achievements/{credentialId}/image.svg";

    /**
     * Signed JWTs by award id. A stored JWT never changes (status lives in the status list, and a
     * revoked award's is withheld by the award's own status, read fresh), so a portfolio read that
     * finds every one here saves a store round trip. Bounded by characters: about 16 MB.
     */
    private final Cache<String, String> issuedJwts = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .weigher((String awardId, String jwt) -> jwt.length())
            .build();

    private final MongoOperations mongo;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final LearnerManagement learners;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final AuditLog audit;
    private final TrustProperties trust;

    CredentialIssuance(
            MongoOperations mongo,
            IssuerKeys keys,
            StatusLists statusLists,
            LearnerManagement learners,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            AuditLog audit,
            TrustProperties trust) {
        this.mongo = mongo;
        this.keys = keys;
        this.statusLists = statusLists;
        this.learners = learners;
        this.catalog = catalog;
        this.organizations = organizations;
        this.audit = audit;
        this.trust = trust;
    }

    /**
     * Signed credentials of awards the caller has already been allowed to read, issuing any that
     * are missing. Revoked awards get none.
     */
    Map<String, String> jwtsFor(Collection<Award> awards) {
        Map<String, String> jwts = new HashMap<>(
                issuedJwts.getAllPresent(awards.stream().map(Award::id).toList()));
        List<String> ids = awards.stream()
                .map(Award::id)
                .filter(id -> !jwts.containsKey(id))
                .toList();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), IssuedCredential.class)
                    .forEach(issued -> {
                        jwts.put(issued.awardId(), issued.jwt());
                        issuedJwts.put(issued.awardId(), issued.jwt());
                    });
        }
        awards.stream()
                .filter(a -> !jwts.containsKey(a.id()) && a.status() != AwardStatus.REVOKED)
                .forEach(a -> jwts.put(a.id(), issue(a)));
        return jwts;
    }

    /**
     * Data Integrity forms of the credentials of awards the caller may read, keyed by award id.
     * Credentials issued before Data Integrity get theirs on first request, derived from their signed
     * content (without the JWT claims and the old student-id hash, with the revocation entry only).
     */
    Map<String, Map<String, Object>> ldpCredentialsFor(Collection<Award> awards) {
        List<Award> live =
                awards.stream().filter(a -> a.status() != AwardStatus.REVOKED).toList();
        List<IssuedCredential> stored = stored(live.stream().map(Award::id).toList());
        Set<String> issued = stored.stream().map(IssuedCredential::awardId).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Award award : live) {
            if (!issued.contains(award.id())) {
                issue(award);
                missing.add(award.id());
            }
        }
        List<IssuedCredential> all = new ArrayList<>(stored);
        if (!missing.isEmpty()) {
            all.addAll(stored(missing));
        }
        Map<String, Map<String, Object>> forms = new HashMap<>();
        for (IssuedCredential credential : all) {
            String json = credential.ldpCredential() != null ? credential.ldpCredential() : secureLegacy(credential);
            forms.put(credential.awardId(), CredentialForms.parseJson(json));
        }
        return forms;
    }

    private List<IssuedCredential> stored(List<String> awardIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(awardIds)), IssuedCredential.class);
    }

    private String secureLegacy(IssuedCredential issued) {
        Map<String, Object> credential = LegacyCredentials.withoutJwtClaims(CredentialForms.payload(issued.jwt()));
        String issuer = String.valueOf(((Map<?, ?>) credential.get("issuer")).get("id"));
        String json = CredentialForms.json(keys.secure(keys.organizationOf(issuer), credential));
        // By _id alone: the embedded store uses its _id index only for exactly that filter.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(issued.awardId())),
                Update.update("ldpCredential", json),
                IssuedCredential.class);
        if (issued.status() != null) {
            statusLists.link(issued.status());
        }
        return json;
    }

    /**
     * Signs and stores the award's credential, or returns the one stored already. The Data Integrity
     * proof is made first and the VC-JWT wraps the secured credential, as Open Badges 3.0 asks.
     */
    String issue(Award award) {
        return issue(award, learners.get(award.learnerId()));
    }

    /** As {@link #issue(Award)}, for the award's learner already read (and checked) by the caller. */
    String issue(Award award, Learner learner) {
        CredentialDefinition credential = catalog.find(award.credentialId()).orElseThrow();
        var parties = new OpenBadgeCredential.Parties(
                keys.issuerDid(learner.districtId()),
                organizations.get(learner.districtId()).name(),
                keys.learnerDid(learner.id()),
                certifyingBody(credential),
                trust.publicBaseUrl()
                        + ACHIEVEMENT_IMAGE_PATH
                                .replace("{organizationId}", learner.districtId())
                                .replace("{credentialId}", credential.id()));
        StatusAllocation status = statusLists.allocate(learner.districtId());
        Map<String, Object> secured = keys.secure(
                learner.districtId(),
                OpenBadgeCredential.credential(
                        award,
                        credential,
                        catalog.occupations(credential.occupations()),
                        parties,
                        statusLists.credentialStatus(status)));
        String jwt = keys.sign(
                learner.districtId(), OpenBadgeEnvelope.VC_JWT_TYPE, OpenBadgeCredential.jwtPayload(secured, award));
        IssuedCredential issued = new IssuedCredential(
                award.id(), learner.id(), jwt, CredentialForms.json(secured), status, Instant.now());
        try {
            mongo.insert(issued);
        } catch (DuplicateKeyException e) {
            // Issued concurrently: the first one stands; the indexes reserved here stay unused.
            return mongo.findById(award.id(), IssuedCredential.class).jwt();
        }
        // A suspended award issued late (demo awards are issued on first read) starts suspended; an
        // active one's entries were created clear.
        if (award.status() != AwardStatus.ACTIVE) {
            syncStatusBits(issued, award.status());
        }
        audit.record("credential.issued", "EarnedCredential", award.id(), Map.of("id", secured.get("id")));
        return jwt;
    }

    /** The catalog entry's certifying body, when it names one that is on record as a certifying body. */
    private OpenBadgeCredential.CertifyingBody certifyingBody(CredentialDefinition credential) {
        return organizations
                .find(credential.certifyingBodyId())
                .filter(o -> o.type() == OrganizationType.CERTIFYING_BODY)
                .map(o -> new OpenBadgeCredential.CertifyingBody(o.id(), o.name(), o.website()))
                .orElse(null);
    }

    /**
     * Makes the award's status list bits say what its status says. Idempotent, so it is applied
     * after every status change and again whenever a change is retried.
     */
    void syncStatusBits(String awardId, AwardStatus status) {
        IssuedCredential issued = mongo.findById(awardId, IssuedCredential.class);
        if (issued != null) {
            syncStatusBits(issued, status);
        }
    }

    private void syncStatusBits(IssuedCredential issued, AwardStatus status) {
        if (issued.status() == null) {
            return;
        }
        statusLists.set(issued.status(), StatusPurpose.REVOCATION, status == AwardStatus.REVOKED);
        statusLists.set(issued.status(), StatusPurpose.SUSPENSION, status == AwardStatus.SUSPENDED);
    }
}
