package org.credfolio.trust.verification;

import java.util.List;
import java.util.Map;

/**
 * The VC Data Model 2.0 rules a credential or presentation must meet before its proof is looked
 * at (sections 4.2 to 4.5 and 5.4: {@code @context}, {@code type}, {@code issuer},
 * {@code credentialSubject}, {@code proof}), each refusal naming the property and what it found.
 */
final class DataModelRules {
    private DataModelRules() {}

    /**
     * {@code @context}: a non-empty array of strings and objects starting with the VC 2.0 base
     * context, or that context alone as a string.
     */
    static void checkContext(Map<?, ?> document, String what) {
        if (!document.containsKey("@context")) {
            throw new CredentialInput.Invalid(
                    what + " has no @context; it must be an array starting with " + VcClaims.VC2_CONTEXT + ".");
        }
        Object context = document.get("@context");
        if (context instanceof String single) {
            if (!VcClaims.VC2_CONTEXT.equals(single)) {
                throw new CredentialInput.Invalid(
                        what + "'s @context is the string \"" + clip(single) + "\"; it must be an array"
                                + " starting with " + VcClaims.VC2_CONTEXT + " (or that URL alone).");
            }
            return;
        }
        if (!(context instanceof List<?> contexts)) {
            throw new CredentialInput.Invalid(what + "'s @context is " + kind(context) + ", not an array.");
        }
        if (contexts.isEmpty()) {
            throw new CredentialInput.Invalid(
                    what + "'s @context is an empty array; it must start with " + VcClaims.VC2_CONTEXT + ".");
        }
        for (int i = 0; i < contexts.size(); i++) {
            Object item = contexts.get(i);
            if (!(item instanceof String) && !(item instanceof Map<?, ?>)) {
                throw new CredentialInput.Invalid(what + "'s @context item " + (i + 1) + " is " + kind(item)
                        + "; @context items must be strings (context URLs) or objects (embedded contexts).");
            }
        }
        if (!VcClaims.VC2_CONTEXT.equals(contexts.get(0))) {
            throw new CredentialInput.Invalid(what + "'s first @context must be " + VcClaims.VC2_CONTEXT + ".");
        }
    }

    /** {@code type}: an array of strings (or a single string) that includes VerifiableCredential. */
    static void checkType(Map<?, ?> document) {
        if (!document.containsKey("type")) {
            throw new CredentialInput.Invalid("The credential has no type; it must include VerifiableCredential.");
        }
        Object type = document.get("type");
        List<?> types;
        if (type instanceof String single) {
            types = List.of(single);
        } else if (type instanceof List<?> list) {
            types = list;
        } else {
            throw new CredentialInput.Invalid(
                    "The credential's type is " + kind(type) + "; it must be an array of strings.");
        }
        for (int i = 0; i < types.size(); i++) {
            if (!(types.get(i) instanceof String)) {
                throw new CredentialInput.Invalid("The credential's type item " + (i + 1) + " is " + kind(types.get(i))
                        + "; type items must be strings.");
            }
        }
        if (!types.contains("VerifiableCredential")) {
            throw new CredentialInput.Invalid(
                    "The credential's type " + (type instanceof String s ? "\"" + clip(s) + "\"" : types)
                            + " does not include VerifiableCredential.");
        }
    }

    /** {@code issuer}: a URL string or an object whose {@code id} is one. */
    static void checkIssuer(Map<?, ?> document) {
        if (!document.containsKey("issuer")) {
            throw new CredentialInput.Invalid("The credential has no issuer.");
        }
        Object issuer = document.get("issuer");
        if (issuer instanceof String id) {
            if (id.isBlank()) {
                throw new CredentialInput.Invalid("The credential's issuer is an empty string; it must be a URL.");
            }
            return;
        }
        if (issuer instanceof Map<?, ?> object) {
            if (!(object.get("id") instanceof String id) || id.isBlank()) {
                throw new CredentialInput.Invalid(
                        "The credential's issuer object has no id; its id must be a URL string.");
            }
            return;
        }
        throw new CredentialInput.Invalid(
                "The credential's issuer is " + kind(issuer) + "; it must be a URL string or an object with an id.");
    }

    /** {@code credentialSubject}: an object, or a non-empty array of objects. */
    static void checkSubject(Map<?, ?> document) {
        if (!document.containsKey("credentialSubject")) {
            throw new CredentialInput.Invalid("The credential has no credentialSubject.");
        }
        Object subject = document.get("credentialSubject");
        if (subject instanceof Map<?, ?>) {
            return;
        }
        if (subject instanceof List<?> subjects) {
            if (subjects.isEmpty()) {
                throw new CredentialInput.Invalid(
                        "The credential's credentialSubject is an empty array; it must be an object.");
            }
            for (int i = 0; i < subjects.size(); i++) {
                if (!(subjects.get(i) instanceof Map<?, ?>)) {
                    throw new CredentialInput.Invalid("The credential's credentialSubject item " + (i + 1) + " is "
                            + kind(subjects.get(i)) + "; each subject must be an object.");
                }
            }
            return;
        }
        throw new CredentialInput.Invalid(
                "The credential's credentialSubject is " + kind(subject) + "; it must be an object.");
    }

    /** {@code proof}: an object, or a non-empty array of objects, each with the Data Integrity properties. */
    static void checkProof(Map<?, ?> document) {
        if (!document.containsKey("proof")) {
            throw new CredentialInput.Invalid(
                    "The credential carries no proof: it is not secured, so nothing in it can be trusted.");
        }
        Object proof = document.get("proof");
        if (proof instanceof Map<?, ?> single) {
            checkProofProperties(single, "The proof");
            return;
        }
        if (proof instanceof List<?> proofs) {
            if (proofs.isEmpty()) {
                throw new CredentialInput.Invalid(
                        "The credential's proof is an empty array; it must be a proof object.");
            }
            for (int i = 0; i < proofs.size(); i++) {
                if (!(proofs.get(i) instanceof Map<?, ?> item)) {
                    throw new CredentialInput.Invalid("The credential's proof item " + (i + 1) + " is "
                            + kind(proofs.get(i)) + "; each proof must be an object.");
                }
                checkProofProperties(item, "Proof item " + (i + 1));
            }
            return;
        }
        throw new CredentialInput.Invalid("The credential's proof is " + kind(proof) + "; it must be an object.");
    }

    /** VC Data Integrity, section 2.1: type, verificationMethod, proofPurpose, proofValue; created when present. */
    static void checkProofProperties(Map<?, ?> proof, String what) {
        for (String name : List.of("type", "verificationMethod", "proofPurpose", "proofValue")) {
            Object value = proof.get(name);
            if (!proof.containsKey(name)) {
                throw new CredentialInput.Invalid(what + " has no " + name + ".");
            }
            if (!(value instanceof String text) || text.isBlank()) {
                throw new CredentialInput.Invalid(
                        what + "'s " + name + " is " + kind(value) + "; it must be a non-empty string.");
            }
        }
        Object created = proof.get("created");
        if (proof.containsKey("created") && !(created instanceof String)) {
            throw new CredentialInput.Invalid(
                    what + "'s created is " + kind(created) + "; it must be a date-time string.");
        }
    }

    /** A JSON value's kind, in words, for a refusal reason. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s.isEmpty() ? "an empty string" : "a string";
        }
        if (value instanceof Boolean b) {
            return "a boolean (" + b + ")";
        }
        if (value instanceof Number n) {
            return "a number (" + n + ")";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "an empty array" : "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "not a JSON value";
    }

    private static String clip(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
