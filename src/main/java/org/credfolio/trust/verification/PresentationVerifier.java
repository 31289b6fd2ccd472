package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.DataIntegrityProof;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.keys.JwkFactory;
import org.springframework.stereotype.Service;

/**
 * Verifies a {@code vp+jwt} or a Data Integrity presentation: the holder's signature with a key the verifier resolves itself, the
 * audience and the one-time challenge when the verifier gives them, that every credential is about
 * the holder, and each enveloped credential through {@link CredentialVerifier}.
 */
@Service
public class PresentationVerifier {
    /** More credentials than any share holds; bounds the work one request can cause. */
    static final int MAX_CREDENTIALS = 50;

    private final JoseHeaderPolicy policy = JoseHeaderPolicy.forPresentations();
    private final SignatureVerification signatures;
    private final CredentialVerifier credentials;
    private final PresentationBinding binding;
    private final KeyResolver keys;

    PresentationVerifier(
            SignatureVerification signatures,
            CredentialVerifier credentials,
            PresentationBinding binding,
            KeyResolver keys) {
        this.signatures = signatures;
        this.credentials = credentials;
        this.binding = binding;
        this.keys = keys;
    }

    /**
     * @param challenge the challenge this verifier handed out for this presentation, or null
     * @param domain the audience this verifier expects, or null
     */
    public PresentationVerification verifyPresentation(String input, String challenge, String domain) {
        if (input != null && input.strip().startsWith("{")) {
            return verifySecured(input.strip(), challenge, domain);
        }
        String token = CredentialForms.compact(input, CredentialForms.PRESENTATION_DATA_URL);
        Checks checks = new Checks();
        JoseHeaderPolicy.Parsed parsed = policy.check(token, checks);
        if (parsed == null) {
            return new PresentationVerification(false, checks.list(), null, List.of());
        }
        Map<String, Object> payload = parsed.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> vp = payload.get("vp") instanceof Map<?, ?> legacy ? (Map<String, Object>) legacy : payload;
        String holder = vp.get("holder") instanceof String h ? h : payload.get("iss") instanceof String i ? i : null;
        ResolvedKey key = signatures.verify(parsed, token, "holder", checks);
        if (key == null) {
            return new PresentationVerification(false, checks.list(), holder, List.of());
        }
        if (!CredentialVerifier.strings(vp.get("type")).contains("VerifiablePresentation")) {
            checks.fail("claims", "The payload is not a VerifiablePresentation.");
        } else if (holder == null || !holder.equals(key.controller())) {
            checks.fail("claims", "Signed by " + key.controller() + " but presented as holder " + holder + ".");
        } else {
            checks.pass("claims", "Presented and signed by holder " + holder + ".");
        }
        CredentialVerifier.checkValidity(VcClaims.of(payload), checks, Instant.now());
        PresentationBinding.checkAudience(payload.get("aud"), domain, checks);
        binding.checkNonce(payload.get("nonce"), challenge, domain, checks);
        List<CredentialVerification> results =
                verifyCredentials(vp.get("verifiableCredential"), holder, checks, item -> {
                    String jwt = CredentialForms.fromEnvelope(item);
                    return credentials.verifyCredential(jwt == null ? "" : jwt);
                });
        boolean verified = checks.allPassed() && results.stream().allMatch(CredentialVerification::verified);
        return new PresentationVerification(verified, checks.list(), holder, results);
    }

    /**
     * A JSON-LD presentation with an embedded {@code eddsa-rdfc-2022} proof of purpose
     * authentication by the holder, challenge and domain in the proof, credentials embedded in their
     * Data Integrity form.
     */
    private PresentationVerification verifySecured(String json, String challenge, String domain) {
        Checks checks = new Checks();
        Map<String, Object> vp;
        DataIntegrityProof proof;
        try {
            vp = JSONObjectUtils.parse(json);
            proof = DataIntegrityProof.of(vp);
        } catch (ParseException | DataIntegrityException e) {
            checks.fail("parse", e instanceof ParseException ? "The presentation is not valid JSON." : e.getMessage());
            return new PresentationVerification(false, checks.list(), null, List.of());
        }
        checks.pass("parse", "A JSON-LD presentation with one eddsa-rdfc-2022 DataIntegrityProof.");
        Object holderValue = vp.get("holder") instanceof Map<?, ?> h ? h.get("id") : vp.get("holder");
        String holder = holderValue instanceof String h ? h : null;
        if (!holderProof(vp, proof, holder, checks)) {
            return new PresentationVerification(false, checks.list(), holder, List.of());
        }
        PresentationBinding.checkAudience(proof.domain(), domain, checks);
        binding.checkNonce(proof.challenge(), challenge, domain, checks);
        List<CredentialVerification> results =
                verifyCredentials(vp.get("verifiableCredential"), holder, checks, this::verifyEmbedded);
        boolean verified = checks.allPassed() && results.stream().allMatch(CredentialVerification::verified);
        return new PresentationVerification(verified, checks.list(), holder, results);
    }

    private boolean holderProof(Map<String, Object> vp, DataIntegrityProof proof, String holder, Checks checks) {
        ResolvedKey key;
        try {
            key = keys.resolve(proof.verificationMethod());
        } catch (KeyResolver.Unresolved e) {
            checks.fail(e.check.equals("issuer") ? "holder" : e.check, e.getMessage());
            return false;
        }
        checks.pass("holder", key.controller() + " is known to this verifier.");
        byte[] publicKey = JwkFactory.ed25519PublicKey(key.jwk());
        if (publicKey == null || !"authentication".equals(proof.proofPurpose())) {
            checks.fail("key", "The proof must be by an Ed25519 key of the holder, for authentication.");
            return false;
        }
        try {
            EddsaRdfc2022.verify(vp, proof, publicKey);
        } catch (DataIntegrityException e) {
            checks.fail("signature", e.getMessage());
            return false;
        }
        checks.pass("signature", "The holder's eddsa-rdfc-2022 proof is valid.");
        if (!CredentialVerifier.strings(vp.get("type")).contains("VerifiablePresentation")) {
            checks.fail("claims", "The document is not a VerifiablePresentation.");
        } else if (holder == null || !holder.equals(key.controller())) {
            checks.fail("claims", "Proved by " + key.controller() + " but presented as holder " + holder + ".");
        } else {
            checks.pass("claims", "Presented and proved by holder " + holder + ".");
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private CredentialVerification verifyEmbedded(Object item) {
        if (item instanceof Map<?, ?> credential && credential.containsKey("proof")) {
            Map<String, Object> document = (Map<String, Object>) credential;
            return credentials.verify(new CredentialInput.Secured(document, JSONObjectUtils.toJSONString(document)));
        }
        String jwt = CredentialForms.fromEnvelope(item);
        return credentials.verifyCredential(jwt == null ? "" : jwt);
    }

    private List<CredentialVerification> verifyCredentials(
            Object enveloped, String holder, Checks checks, Function<Object, CredentialVerification> verify) {
        List<?> items = enveloped instanceof List<?> list ? list : enveloped == null ? List.of() : List.of(enveloped);
        if (items.isEmpty()) {
            checks.fail("credentials", "The presentation holds no credentials.");
            return List.of();
        }
        if (items.size() > MAX_CREDENTIALS) {
            checks.fail(
                    "credentials",
                    "The presentation holds " + items.size() + " credentials; at most " + MAX_CREDENTIALS
                            + " are verified.");
            return List.of();
        }
        List<CredentialVerification> results = new ArrayList<>();
        boolean allAboutHolder = true;
        for (Object item : items) {
            CredentialVerification result = verify.apply(item);
            results.add(result);
            allAboutHolder &= result.summary() != null
                    && holder != null
                    && holder.equals(result.summary().subjectId());
        }
        if (allAboutHolder) {
            checks.pass("credentials", results.size() + " credential(s), each about the holder.");
        } else {
            checks.fail(
                    "credentials",
                    "Some credential is not about the holder: a presentation may only carry the holder's own credentials.");
        }
        return results;
    }
}
