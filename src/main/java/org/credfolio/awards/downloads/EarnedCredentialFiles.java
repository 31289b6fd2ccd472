package org.credfolio.awards.downloads;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardManagement;
import org.credfolio.awards.AwardStatus;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.TrustProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a learner's badge images and certificate are made of: one of the signed-in learner's own
 * earned credentials, its catalog entry, the certifying body, the issuing district and the signed
 * credential in both forms. Learners only, and only their own: another learner's credential is not
 * found, as {@code createShare} answers. Revoked and suspended credentials are refused, since the
 * issuer does not (or, while suspended, does not now) assert them.
 */
@Service
public class EarnedCredentialFiles {
    private final LearnerManagement learners;
    private final AwardManagement awards;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final TrustProperties trust;

    EarnedCredentialFiles(
            LearnerManagement learners,
            AwardManagement awards,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            TrustProperties trust) {
        this.learners = learners;
        this.awards = awards;
        this.catalog = catalog;
        this.organizations = organizations;
        this.trust = trust;
    }

    /**
     * One earned credential ready to draw.
     *
     * @param jwt the VC-JWT (compact JWS)
     * @param dataIntegrity the credential secured with its embedded Data Integrity proof, as JSON
     * @param verifyUrl where the QR code of the certificate points
     */
    public record CredentialFile(
            String awardId,
            String learnerName,
            String credentialName,
            String certifyingBody,
            String district,
            LocalDate earnedOn,
            LocalDate expiresOn,
            String jwt,
            String dataIntegrity,
            String verifyUrl) {
        BadgeArt.Subject badge() {
            return new BadgeArt.Subject(credentialName, certifyingBody, district);
        }
    }

    /** The signed-in learner's own earned credential {@code awardId}, signed (issued now if it never was). */
    @PreAuthorize("hasRole('LEARNER')")
    public CredentialFile own(String awardId) {
        Learner me = learners.me();
        List<Award> held = awards.forLearners(List.of(me)).getOrDefault(me.id(), List.of());
        Award award = (held == null ? List.<Award>of() : held)
                .stream()
                        .filter(a -> a.id().equals(awardId))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException(
                                "EARNED_CREDENTIAL_NOT_FOUND",
                                "credentialId",
                                "You have no earned credential " + awardId + "."));
        if (award.status() == AwardStatus.REVOKED) {
            throw new CredentialWithdrawn(
                    410,
                    "CREDENTIAL_REVOKED",
                    "This credential was revoked: the issuer no longer asserts it, so it has no badge or certificate.");
        }
        if (award.status() == AwardStatus.SUSPENDED) {
            throw new CredentialWithdrawn(
                    409,
                    "CREDENTIAL_SUSPENDED",
                    "This credential is suspended; its badge and certificate are available again once it is reinstated.");
        }
        CredentialDefinition definition = catalog.find(award.credentialId()).orElseThrow();
        String jwt = awards.signedCredentials(List.of(award)).get(award.id());
        Map<String, Object> secured = awards.securedCredentials(List.of(award)).get(award.id());
        if (jwt == null || secured == null) {
            throw new IllegalStateException("Credential " + award.id() + " has no signed form");
        }
        return new CredentialFile(
                award.id(),
                me.displayName(),
                definition.name(),
                certifyingBodyName(definition),
                organizations.get(me.districtId()).name(),
                award.earnedOn(),
                award.expiresOn(),
                jwt,
                CredentialForms.json(secured),
                trust.publicBaseUrl() + "/verify");
    }

    /**
     * What the image of an achievement as a district issues it shows; empty when there is no such
     * district or catalog credential. Public, like the catalog and the organization directory.
     */
    public Optional<BadgeArt.Subject> achievementBadge(String districtId, String credentialId) {
        Optional<Organization> district =
                organizations.find(districtId).filter(o -> o.type() == OrganizationType.DISTRICT);
        Optional<CredentialDefinition> definition = catalog.find(credentialId);
        if (district.isEmpty() || definition.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BadgeArt.Subject(
                definition.get().name(),
                certifyingBodyName(definition.get()),
                district.get().name()));
    }

    private String certifyingBodyName(CredentialDefinition definition) {
        return Optional.ofNullable(definition.certifyingBodyId())
                .flatMap(organizations::find)
                .map(Organization::name)
                .orElse(null);
    }

    /** A credential the issuer does not assert (now): no badge, no certificate. */
    static final class CredentialWithdrawn extends RuntimeException {
        private final int status;
        private final String code;

        CredentialWithdrawn(int status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
