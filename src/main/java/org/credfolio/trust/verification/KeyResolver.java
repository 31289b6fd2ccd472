package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.shared.cache.ReadThroughCache;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.Multikey;
import org.credfolio.trust.keys.HolderKeys;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.keys.JwkFactory;
import org.credfolio.trust.keys.VerificationKey;
import org.springframework.stereotype.Component;

/**
 * Finds the public key for a key id ({@code <did>#<fragment>}) from sources the verifier trusts:
 * this service's own issuer keys, or the published keys of an issuer on the configured trust
 * list. A key carried in the token is never used, and an unknown issuer is never fetched.
 */
@Component
public class KeyResolver {
    /** Why a key id did not resolve, and which named check that fails. */
    static final class Unresolved extends Exception {
        final String check;

        Unresolved(String check, String reason) {
            super(reason, null, false, false);
            this.check = check;
        }
    }

    private final IssuerKeys issuerKeys;
    private final TrustProperties properties;
    private final RemoteDocuments remote;
    private final HolderKeys holderKeys;
    // Keys change rarely; a compromise marked on this instance evicts at once, elsewhere within a minute.
    private final ReadThroughCache<String, LocalKey> localKeys = new ReadThroughCache<>(10_000, Duration.ofMinutes(1));

    /** An issuer key as the key store describes it, with its public JWK parsed and its verifier made once. */
    private record LocalKey(VerificationKey key, JWK jwk, JWSVerifier verifier) {
        static LocalKey of(VerificationKey key) {
            JWK jwk = key.jwk();
            return new LocalKey(key, jwk, JwkFactory.verifier(jwk));
        }

        String thumbprint() {
            return key.thumbprint();
        }
    }

    KeyResolver(IssuerKeys issuerKeys, TrustProperties properties, RemoteDocuments remote, HolderKeys holderKeys) {
        this.issuerKeys = issuerKeys;
        this.holderKeys = holderKeys;
        this.properties = properties;
        this.remote = remote;
    }

    ResolvedKey resolve(String kid) throws Unresolved {
        int hash = kid.indexOf('#');
        String did = kid.substring(0, hash);
        String fragment = kid.substring(hash + 1);
        String localIssuers = "did:web:" + properties.publicHost() + ":issuers:";
        if (did.startsWith(localIssuers)) {
            return localIssuerKey(did, did.substring(localIssuers.length()), IssuerKeys.thumbprintOf(fragment));
        }
        String localLearners = properties.learnerDid("");
        if (did.startsWith(localLearners)) {
            String learnerId = did.substring(localLearners.length());
            return (fragment.startsWith("z6Mk")
                            ? holderKeys.dataIntegrityKey(learnerId).filter(k -> HolderKeys.multikey(k.publicJwk())
                                    .equals(fragment))
                            : holderKeys.holderKey(learnerId).filter(k -> k.thumbprint()
                                    .equals(fragment)))
                    .map(k -> new ResolvedKey(k.jwk(), did, k.algorithm().name(), null))
                    .orElseThrow(() -> new Unresolved("key", "The holder " + did + " has no key " + fragment + "."));
        }
        Optional<TrustProperties.TrustedIssuer> trusted = properties.trustedIssuers().stream()
                .filter(t -> did.equals(t.did()))
                .findFirst();
        if (trusted.isEmpty()) {
            throw new Unresolved("issuer", "The issuer " + did + " is neither this service nor on its trust list.");
        }
        return trustedIssuerKey(trusted.get(), kid, fragment);
    }

    /** The display name configured for a trusted issuer, if any. */
    Optional<String> trustedName(String did) {
        return properties.trustedIssuers().stream()
                .filter(t -> did.equals(t.did()) && t.name() != null)
                .map(TrustProperties.TrustedIssuer::name)
                .findFirst();
    }

    public void evict(String thumbprint) {
        localKeys.evict(thumbprint);
    }

    private ResolvedKey localIssuerKey(String did, String organizationId, String thumbprint) throws Unresolved {
        List<LocalKey> found = localKeys.getAll(
                List.of(thumbprint),
                ids -> ids.stream()
                        .flatMap(id -> issuerKeys.verificationKey(id).stream())
                        .map(LocalKey::of)
                        .toList(),
                LocalKey::thumbprint);
        if (found.isEmpty() || !found.get(0).key().organizationId().equals(organizationId)) {
            throw new Unresolved("key", "The issuer " + did + " has no key " + thumbprint + ".");
        }
        VerificationKey key = found.get(0).key();
        String compromised =
                key.compromised() ? (key.statusReason() == null ? "no reason given" : key.statusReason()) : null;
        return new ResolvedKey(
                found.get(0).jwk(),
                did,
                key.algorithm().name(),
                compromised,
                found.get(0).verifier());
    }

    private ResolvedKey trustedIssuerKey(TrustProperties.TrustedIssuer issuer, String kid, String fragment)
            throws Unresolved {
        try {
            JWK jwk;
            if (issuer.jwksUrl() != null && !issuer.jwksUrl().isBlank()) {
                JWKSet set = JWKSet.parse(remote.get(issuer.jwksUrl()));
                jwk = Optional.ofNullable(set.getKeyByKeyId(kid)).orElse(set.getKeyByKeyId(fragment));
            } else {
                jwk = fromDidDocument(remote.get(didWebUrl(issuer.did())), issuer.did(), kid);
            }
            if (jwk == null) {
                throw new Unresolved("key", "The trusted issuer " + issuer.did() + " publishes no key " + kid + ".");
            }
            if (jwk.isPrivate()) {
                throw new Unresolved(
                        "key", "The trusted issuer " + issuer.did() + " publishes a private key; refused.");
            }
            return new ResolvedKey(jwk, issuer.did(), ResolvedKey.algorithmOf(jwk), null);
        } catch (ParseException e) {
            throw new Unresolved("key", "The keys of " + issuer.did() + " could not be read: " + e.getMessage());
        } catch (RemoteDocuments.RemoteDocumentException e) {
            throw new Unresolved("key", "The keys of " + issuer.did() + " could not be fetched: " + e.getMessage());
        }
    }

    private static JWK multikey(String publicKeyMultibase) throws ParseException {
        try {
            return JwkFactory.ed25519Jwk(Multikey.decodeEd25519(publicKeyMultibase));
        } catch (DataIntegrityException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    /** did:web to URL (did:web method, section 3.2): colons become slashes, then {@code /did.json}. */
    static String didWebUrl(String did) {
        String[] parts = did.substring("did:web:".length()).split(":");
        StringBuilder url = new StringBuilder("https://").append(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
        if (parts.length == 1) {
            return url.append("/.well-known/did.json").toString();
        }
        for (int i = 1; i < parts.length; i++) {
            url.append('/').append(parts[i]);
        }
        return url.append("/did.json").toString();
    }

    @SuppressWarnings("unchecked")
    private static JWK fromDidDocument(String json, String did, String kid) throws ParseException {
        Map<String, Object> document = JSONObjectUtils.parse(json);
        if (!did.equals(document.get("id"))) {
            return null;
        }
        List<Object> methods = (List<Object>) document.getOrDefault("verificationMethod", List.of());
        List<Object> assertion = (List<Object>) document.getOrDefault("assertionMethod", List.of());
        for (Object m : methods) {
            Map<String, Object> method = (Map<String, Object>) m;
            String id = String.valueOf(method.get("id"));
            String absolute = id.startsWith("#") ? did + id : id;
            boolean mayAssert = assertion.contains(id) || assertion.contains(absolute);
            if (absolute.equals(kid) && mayAssert && method.get("publicKeyJwk") instanceof Map<?, ?> jwk) {
                return JWK.parse((Map<String, Object>) jwk);
            }
            if (absolute.equals(kid) && mayAssert && method.get("publicKeyMultibase") instanceof String multibase) {
                return multikey(multibase);
            }
        }
        return null;
    }
}
