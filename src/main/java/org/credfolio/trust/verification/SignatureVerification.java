package org.credfolio.trust.verification;

import org.springframework.stereotype.Component;

/**
 * Resolves the signing key of a token the verifier's own way and checks the signature, remembering
 * successes by token hash. Shared by credentials ("issuer") and presentations ("holder").
 */
@Component
class SignatureVerification {
    private final KeyResolver keys;
    private final SignatureCache cache;

    SignatureVerification(KeyResolver keys, SignatureCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** The key that verified the token, or null after recording the failed check. */
    ResolvedKey verify(JoseHeaderPolicy.Parsed parsed, String token, String partyCheck, Checks checks) {
        String kid = parsed.header().getKeyID();
        ResolvedKey key;
        try {
            key = keys.resolve(kid);
        } catch (KeyResolver.Unresolved e) {
            checks.fail(e.check.equals("issuer") ? partyCheck : e.check, e.getMessage());
            return null;
        }
        checks.pass(partyCheck, key.controller() + " is known to this verifier.");
        if (key.compromisedReason() != null) {
            checks.fail(
                    "key",
                    "The signing key " + kid + " was marked compromised (" + key.compromisedReason()
                            + "); nothing it signed can be trusted.");
            return null;
        }
        String alg = parsed.header().getAlgorithm().getName();
        if (!alg.equals(key.algorithm())) {
            checks.fail("key", "The header says " + alg + " but key " + kid + " is a " + key.algorithm() + " key.");
            return null;
        }
        checks.pass("key", "Key " + kid + " (" + alg + ") is in good standing.");
        SignatureCache.Entry entry = SignatureCache.entryOf(token);
        if (kid.equals(cache.verifiedWith(entry))) {
            checks.pass("signature", "The signature is valid (verified earlier with the same key).");
            return key;
        }
        if (!CredentialVerifier.verifySignature(parsed, key)) {
            checks.fail(
                    "signature",
                    "The signature does not match the content: it was altered or not signed by " + kid + ".");
            return null;
        }
        cache.remember(entry, kid);
        checks.pass("signature", "The signature is valid.");
        return key;
    }
}
