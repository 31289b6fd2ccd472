package org.credfolio.trust.verification;

import java.time.Instant;
import java.util.Map;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.DataIntegrityProof;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.keys.JwkFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies a credential secured with an embedded Data Integrity proof ({@code eddsa-rdfc-2022}),
 * with the same named checks as a VC-JWT: the proof's shape and suite stand in for the JOSE header,
 * the verification method is resolved by the verifier itself, never taken from the document.
 */
@Component
class DataIntegrityVerifier {
    private final KeyResolver keys;
    private final SignatureCache cache;
    private final CredentialStatusCheck status;

    DataIntegrityVerifier(KeyResolver keys, SignatureCache cache, CredentialStatusCheck status) {
        this.keys = keys;
        this.cache = cache;
        this.status = status;
    }

    /** {@code input} is the document's JSON text, the cache key of its proof check. */
    CredentialVerification verify(Map<String, Object> credential, String input) {
        Checks checks = new Checks();
        VcClaims vc = VcClaims.of(credential);
        DataIntegrityProof proof;
        try {
            proof = DataIntegrityProof.of(credential);
        } catch (DataIntegrityException e) {
            checks.fail("algorithm", e.getMessage());
            return new CredentialVerification(false, checks.list(), null, null, null);
        }
        checks.pass("parse", "A JSON-LD credential with one embedded DataIntegrityProof.");
        checks.pass("algorithm", "DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite is accepted.");
        ResolvedKey key = verifyProof(credential, input, proof, checks);
        if (key == null) {
            return new CredentialVerification(
                    false, checks.list(), vc.summary(CredentialSummary.Status.INVALID), null, null);
        }
        checkIssuer(vc, key, proof, checks);
        CredentialSummary.Status validity = CredentialVerifier.checkValidity(vc, checks, Instant.now());
        CredentialSummary.Status standing = status.check(vc, key, checks);
        CredentialVerifier.checkOpenBadgesFields(vc, checks);
        return new CredentialVerification(
                checks.allPassed(),
                checks.list(),
                vc.summary(CredentialVerifier.conclusion(standing, validity, checks)),
                null,
                credential);
    }

    private ResolvedKey verifyProof(
            Map<String, Object> credential, String input, DataIntegrityProof proof, Checks checks) {
        String method = proof.verificationMethod();
        if (!method.contains("#")) {
            checks.fail("key", "The verificationMethod " + method + " is not a DID URL with a key fragment.");
            return null;
        }
        ResolvedKey key;
        try {
            key = keys.resolve(method);
        } catch (KeyResolver.Unresolved e) {
            checks.fail(e.check, e.getMessage());
            return null;
        }
        checks.pass("issuer", key.controller() + " is known to this verifier.");
        byte[] publicKey = JwkFactory.ed25519PublicKey(key.jwk());
        if (key.compromisedReason() != null) {
            checks.fail(
                    "key",
                    "The signing key " + method + " was marked compromised (" + key.compromisedReason()
                            + "); nothing it signed can be trusted.");
            return null;
        }
        if (publicKey == null) {
            checks.fail("key", "The key " + method + " is not an Ed25519 key, which eddsa-rdfc-2022 needs.");
            return null;
        }
        if (!"assertionMethod".equals(proof.proofPurpose())) {
            checks.fail("key", "The proof's purpose is " + proof.proofPurpose() + ", not assertionMethod.");
            return null;
        }
        checks.pass("key", "Key " + method + " (Ed25519) is in good standing.");
        return checkSignature(credential, input, proof, key, publicKey, checks);
    }

    private ResolvedKey checkSignature(
            Map<String, Object> credential,
            String input,
            DataIntegrityProof proof,
            ResolvedKey key,
            byte[] publicKey,
            Checks checks) {
        String cacheKey = proof.verificationMethod();
        SignatureCache.Entry entry = SignatureCache.entryOf(input);
        if (cacheKey.equals(cache.verifiedWith(entry))) {
            checks.pass("signature", "The proof is valid (verified earlier with the same key).");
            return key;
        }
        try {
            EddsaRdfc2022.verify(credential, proof, publicKey);
        } catch (DataIntegrityException e) {
            checks.fail("signature", e.getMessage());
            return null;
        }
        cache.remember(entry, cacheKey);
        checks.pass("signature", "The eddsa-rdfc-2022 proof is valid.");
        return key;
    }

    private static void checkIssuer(VcClaims vc, ResolvedKey key, DataIntegrityProof proof, Checks checks) {
        String issuer = vc.issuerId();
        if (issuer == null) {
            checks.fail("claims", "The credential names no issuer.");
        } else if (!issuer.equals(key.controller()) || !issuer.equals(proof.controller())) {
            checks.fail(
                    "claims",
                    "Proved with a key of " + proof.controller() + " but claims to be issued by " + issuer + ".");
        } else {
            checks.pass("claims", "The issuer controls the key of the proof.");
        }
    }
}
