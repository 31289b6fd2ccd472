package org.credfolio.trust.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.shared.cache.ReadThroughCache;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.integrity.Multikey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Issuer signing keys: created on first use, rotated by the organization's district admin, and
 * used only here. Callers hand over claims and get a compact JWS back; no private key leaves.
 */
@Service
public class IssuerKeys {
    private final MongoOperations mongo;
    private final KeyEncryption encryption;
    private final TrustProperties properties;

    IssuerKeys(MongoOperations mongo, TrustProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.encryption = KeyEncryption.from(properties);
    }

    /**
     * Opened active keys, so signing costs no database read or decryption. A rotation or compromise
     * on this instance evicts at once; another instance signs with the key it opened for at most a
     * minute more (a retired key still verifies; see the README on compromise).
     */
    private final ReadThroughCache<String, SigningKey> signingKeys =
            new ReadThroughCache<>(1_000, Duration.ofMinutes(1));

    /** The did:web of an issuing organization, the {@code issuer.id} of what it signs. */
    public String issuerDid(String organizationId) {
        return properties.issuerDid(organizationId);
    }

    /** The organization whose did:web this is; throws when it is not one of this service's issuers. */
    public String organizationOf(String issuerDid) {
        String prefix = properties.issuerDid("");
        if (issuerDid == null || !issuerDid.startsWith(prefix) || issuerDid.length() == prefix.length()) {
            throw new IllegalArgumentException("Not an issuer of this service: " + issuerDid);
        }
        return issuerDid.substring(prefix.length());
    }

    /** The did:web of a learner, the {@code credentialSubject.id} of their credentials. */
    public String learnerDid(String learnerId) {
        return properties.learnerDid(learnerId);
    }

    /** Signs the claims with the organization's active key; {@code type} becomes the {@code typ}. */
    public String sign(String organizationId, String type, Map<String, Object> claims) {
        SigningKey key = signingKey(organizationId, KeySlot.JOSE);
        JWSHeader header = new JWSHeader.Builder(
                        JWSAlgorithm.parse(key.algorithm().name()))
                .keyID(properties.issuerDid(organizationId) + "#" + key.thumbprint())
                .type(new JOSEObjectType(type))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed with key " + key.thumbprint(), e);
        }
        return jws.serialize();
    }

    /**
     * The credential secured with an embedded Data Integrity proof ({@code eddsa-rdfc-2022}) by the
     * organization's Ed25519 Data Integrity key, whose Multikey the DID document publishes.
     */
    public Map<String, Object> secure(String organizationId, Map<String, Object> credential) {
        SigningKey key = signingKey(organizationId, KeySlot.DATA_INTEGRITY);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        options.put("verificationMethod", properties.issuerDid(organizationId) + "#" + key.multikey());
        options.put("proofPurpose", "assertionMethod");
        return EddsaRdfc2022.sign(credential, options, key.rawSigner());
    }

    /**
     * The thumbprint a verification method fragment names: the thumbprint itself (JsonWebKey
     * methods), or the Ed25519 key of a Multikey fragment ({@code z6Mk...}).
     */
    public static String thumbprintOf(String fragment) {
        if (fragment != null && fragment.startsWith("z6Mk")) {
            try {
                return JwkFactory.thumbprint(JwkFactory.ed25519Jwk(Multikey.decodeEd25519(fragment)));
            } catch (DataIntegrityException e) {
                return fragment;
            }
        }
        return fragment;
    }

    /** The Multikey {@code publicKeyMultibase} of an Ed25519 key, or null for other algorithms. */
    public static String multikey(IssuerKey key) {
        byte[] publicKey = JwkFactory.ed25519PublicKey(JwkFactory.parse(key.publicJwk()));
        return publicKey == null ? null : Multikey.encodeEd25519(publicKey);
    }

    private SigningKey signingKey(String organizationId, KeySlot slot) {
        String slotId = slot.id(organizationId);
        return signingKeys
                .getAll(List.of(slotId), ids -> List.of(openActiveKey(organizationId, slot)), SigningKey::slotId)
                .get(0);
    }

    /** The active key, opened for signing; the private half lives only in this object, in memory. */
    private record SigningKey(
            String slotId,
            String thumbprint,
            KeyAlgorithm algorithm,
            JWSSigner signer,
            EddsaRdfc2022.Ed25519Signing rawSigner,
            String multikey) {}

    private SigningKey openActiveKey(String organizationId, KeySlot slot) {
        IssuerKey key = activeKey(organizationId, slot);
        JWK privateJwk = JwkFactory.parse(
                new String(encryption.open(key.sealedPrivateJwk(), key.thumbprint()), StandardCharsets.UTF_8));
        return new SigningKey(
                slot.id(organizationId),
                key.thumbprint(),
                key.algorithm(),
                JwkFactory.signer(privateJwk),
                JwkFactory.rawEd25519Signer(privateJwk),
                multikey(key));
    }

    /** Makes a new key active; the old one stays published so what it signed still verifies. */
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'PLATFORM_ADMIN')")
    public String rotate(String organizationId, KeyAlgorithm algorithm) {
        var user = CurrentUsers.require();
        if (user.is(Role.DISTRICT_ADMIN) && !user.belongsTo(organizationId)) {
            throw new AccessDeniedException("A district admin can only rotate their own district's keys.");
        }
        String thumbprint = rotate(organizationId, KeySlot.JOSE, algorithm);
        rotate(organizationId, KeySlot.DATA_INTEGRITY, KeyAlgorithm.EdDSA);
        return thumbprint;
    }

    private String rotate(String organizationId, KeySlot slot, KeyAlgorithm algorithm) {
        IssuerKey fresh = createKey(organizationId, algorithm);
        String slotId = slot.id(organizationId);
        signingKeys.evict(slotId);
        ActiveKey previous = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(slotId)),
                new Update().set("thumbprint", fresh.thumbprint()).set("since", Instant.now()),
                ActiveKey.class);
        if (previous == null) {
            activate(slotId, fresh);
        } else {
            setStatus(previous.thumbprint(), IssuerKey.KeyStatus.RETIRED, "rotated");
        }
        return fresh.thumbprint();
    }

    /** Public keys that verifiers may trust: every key not marked compromised. */
    public List<IssuerKey> published(String organizationId) {
        Query query = Query.query(Criteria.where("status").ne(IssuerKey.KeyStatus.COMPROMISED));
        if (organizationId != null) {
            query.addCriteria(Criteria.where("organizationId").is(organizationId));
        }
        return mongo.find(query, IssuerKey.class);
    }

    /**
     * The issuer key with this RFC 7638 thumbprint (the {@code kid} fragment), whatever its status:
     * a verifier must be able to tell a compromised key from an unknown one.
     */
    public Optional<VerificationKey> verificationKey(String thumbprint) {
        if (thumbprint == null || thumbprint.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(thumbprint, IssuerKey.class)).map(VerificationKey::of);
    }

    /**
     * Makes a fresh key of the same algorithm active in place of {@code key}, if {@code key} is still
     * the active one. Returns the fresh key's thumbprint, or null when nothing was replaced.
     */
    String replaceActive(IssuerKey key) {
        String organizationId = key.organizationId();
        for (KeySlot slot : KeySlot.values()) {
            ActiveKey active = mongo.findById(slot.id(organizationId), ActiveKey.class);
            if (active != null && active.thumbprint().equals(key.thumbprint())) {
                return replaceActive(key, slot.id(organizationId));
            }
        }
        return null;
    }

    private String replaceActive(IssuerKey key, String slotId) {
        IssuerKey fresh = createKey(key.organizationId(), key.algorithm());
        ActiveKey replaced = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(slotId).and("thumbprint").is(key.thumbprint())),
                new Update().set("thumbprint", fresh.thumbprint()).set("since", Instant.now()),
                ActiveKey.class);
        signingKeys.evict(slotId);
        if (replaced == null) {
            setStatus(fresh.thumbprint(), IssuerKey.KeyStatus.RETIRED, "lost a concurrent replacement");
            return null;
        }
        return fresh.thumbprint();
    }

    private IssuerKey activeKey(String organizationId, KeySlot slot) {
        String slotId = slot.id(organizationId);
        ActiveKey active = mongo.findById(slotId, ActiveKey.class);
        if (active == null) {
            KeyAlgorithm first = slot == KeySlot.JOSE ? KeyAlgorithm.ES256 : KeyAlgorithm.EdDSA;
            active = activate(slotId, createKey(organizationId, first));
        }
        IssuerKey key = mongo.findById(active.thumbprint(), IssuerKey.class);
        if (key.status() == IssuerKey.KeyStatus.COMPROMISED) {
            // Marked compromised while still active (a race with its replacement): never sign with it.
            replaceActive(key, slotId);
            return activeKey(organizationId, slot);
        }
        return key;
    }

    /** The first activation wins; a concurrent loser retires its key and uses the winner's. */
    private ActiveKey activate(String slotId, IssuerKey key) {
        try {
            return mongo.insert(new ActiveKey(slotId, key.thumbprint(), Instant.now()));
        } catch (DuplicateKeyException e) {
            setStatus(key.thumbprint(), IssuerKey.KeyStatus.RETIRED, "lost a concurrent first activation");
            return mongo.findById(slotId, ActiveKey.class);
        }
    }

    private IssuerKey createKey(String organizationId, KeyAlgorithm algorithm) {
        JWK jwk = JwkFactory.generate(algorithm);
        String thumbprint = JwkFactory.thumbprint(jwk);
        byte[] sealed = encryption.seal(jwk.toJSONString().getBytes(StandardCharsets.UTF_8), thumbprint);
        return mongo.insert(new IssuerKey(
                thumbprint,
                organizationId,
                algorithm,
                jwk.toPublicJWK().toJSONString(),
                sealed,
                IssuerKey.KeyStatus.ACTIVE,
                Instant.now(),
                null,
                null));
    }

    /** COMPROMISED is final: a late rotation or lost race never makes a compromised key trusted again. */
    private void setStatus(String thumbprint, IssuerKey.KeyStatus status, String reason) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(thumbprint).and("status").ne(IssuerKey.KeyStatus.COMPROMISED)),
                new Update()
                        .set("status", status)
                        .set("statusChangedAt", Instant.now())
                        .set("statusReason", reason),
                IssuerKey.class);
    }
}
