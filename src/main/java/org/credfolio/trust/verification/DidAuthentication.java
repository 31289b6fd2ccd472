package org.credfolio.trust.verification;

import java.util.Map;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.DataIntegrityProof;
import org.credfolio.trust.integrity.DidKey;
import org.credfolio.trust.integrity.Ed25519Signature2020;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.springframework.stereotype.Service;

/**
 * DID authentication of a wallet (the {@code DIDAuthentication} query of a VC API exchange): a
 * presentation, usually without credentials, that its holder signed with an {@code eddsa-rdfc-2022}
 * or an {@code Ed25519Signature2020} proof (the DCC Learner Credential Wallet signs with the latter)
 * of purpose {@code authentication} over the challenge and domain the exchange handed out. Only
 * Ed25519 {@code did:key} holders are accepted; the key is read from the DID itself.
 */
@Service
public class DidAuthentication {

    /** Why a presentation does not authenticate its holder. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The holder's DID, when the presentation's proof holds, is the holder's own, answers this
     * challenge and names this domain; {@link Refused} with the reason otherwise.
     */
    public String authenticate(Map<String, Object> presentation, String challenge, String domain) {
        if (presentation == null) {
            throw new Refused("No verifiablePresentation was sent.");
        }
        if (!CredentialVerifier.strings(presentation.get("type")).contains("VerifiablePresentation")) {
            throw new Refused("The presentation's type does not include VerifiablePresentation.");
        }
        DataIntegrityProof proof;
        try {
            Object type = DataIntegrityProof.single(presentation).properties().get("type");
            proof = switch (String.valueOf(type)) {
                case EddsaRdfc2022.PROOF_TYPE -> DataIntegrityProof.of(presentation);
                case Ed25519Signature2020.PROOF_TYPE -> Ed25519Signature2020.proof(presentation);
                default ->
                    throw new Refused("Proof type " + type
                            + " is not accepted; only DataIntegrityProof (eddsa-rdfc-2022) or Ed25519Signature2020.");
            };
        } catch (DataIntegrityException e) {
            throw new Refused(e.getMessage());
        }
        if (!"authentication".equals(proof.proofPurpose())) {
            throw new Refused("The proof's purpose is " + proof.proofPurpose() + ", not authentication.");
        }
        if (challenge == null || !challenge.equals(proof.challenge())) {
            throw new Refused("The proof does not answer the challenge this exchange handed out.");
        }
        if (domain != null && !domain.equals(proof.domain())) {
            throw new Refused("The proof is for domain " + proof.domain() + ", not " + domain + ".");
        }
        String did = proof.controller();
        Object holderValue =
                presentation.get("holder") instanceof Map<?, ?> h ? h.get("id") : presentation.get("holder");
        if (holderValue != null && !did.equals(holderValue)) {
            throw new Refused("Signed with a key of " + did + " but presented as holder " + holderValue + ".");
        }
        try {
            byte[] publicKey = DidKey.resolve(proof.verificationMethod());
            if (Ed25519Signature2020.PROOF_TYPE.equals(proof.type())) {
                Ed25519Signature2020.verify(presentation, proof, publicKey);
            } else {
                EddsaRdfc2022.verify(presentation, proof, publicKey);
            }
        } catch (DataIntegrityException e) {
            throw new Refused(e.getMessage());
        } catch (RuntimeException e) {
            // JSON-LD expansion refused the document (an unknown context or term).
            throw new Refused("The presentation could not be canonicalized: " + e.getMessage());
        }
        return did;
    }
}
