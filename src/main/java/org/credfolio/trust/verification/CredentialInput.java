package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.CredentialForms;

/**
 * What a caller handed in as a credential, sorted before anything is verified: a VC-JWT (compact,
 * as a {@code data:} URL, or in an {@code EnvelopedVerifiableCredential}) or a JSON-LD credential
 * with an embedded proof. Anything else is refused with the reason, following VC Data Model 2.0
 * (sections 4.2, 4.5 and 4.13) and the VC API, and is never reported as verified.
 */
sealed interface CredentialInput {
    /** A VC-JWT to verify as a compact JWS. */
    record Jwt(String token) implements CredentialInput {}

    /** A credential secured with an embedded proof; {@code json} is its text as received. */
    record Secured(Map<String, Object> document, String json) implements CredentialInput {}

    /** Input that is not a verifiable credential this verifier can check. */
    final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static CredentialInput read(String input) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            throw new Invalid("No credential was given.");
        }
        if (value.startsWith("{")) {
            try {
                return read(JSONObjectUtils.parse(value), value);
            } catch (ParseException e) {
                throw new Invalid("The credential is not valid JSON.");
            }
        }
        if (value.startsWith("data:")) {
            return new Jwt(fromDataUrl(value));
        }
        if (value.chars().filter(c -> c == '.').count() != 2) {
            throw new Invalid("The credential is neither a JSON object nor a compact JWS (three dot-separated parts).");
        }
        return new Jwt(value);
    }

    private static CredentialInput read(Map<String, Object> document, String json) {
        List<String> types = CredentialVerifier.strings(document.get("type"));
        if (types.contains("EnvelopedVerifiableCredential")) {
            return enveloped(document, types);
        }
        checkContext(document);
        if (types.isEmpty()) {
            throw new Invalid("The credential has no type.");
        }
        if (!types.contains("VerifiableCredential")) {
            throw new Invalid("The credential's type does not include VerifiableCredential.");
        }
        if (document.get("proof") == null) {
            throw new Invalid("The credential carries no proof: it is not secured, so nothing in it can be trusted.");
        }
        return new Secured(document, json);
    }

    /** VC Data Model 2.0, section 4.13.2: the rules of an EnvelopedVerifiableCredential. */
    private static CredentialInput enveloped(Map<String, Object> document, List<String> types) {
        checkContext(document);
        if (types.size() != 1) {
            throw new Invalid("An EnvelopedVerifiableCredential has no other type.");
        }
        if (!(document.get("id") instanceof String id)) {
            throw new Invalid("The EnvelopedVerifiableCredential has no id holding the credential.");
        }
        if (!id.startsWith("data:")) {
            throw new Invalid("The EnvelopedVerifiableCredential's id must be a data: URL.");
        }
        return new Jwt(fromDataUrl(id));
    }

    private static String fromDataUrl(String url) {
        if (!url.startsWith(CredentialForms.CREDENTIAL_DATA_URL)) {
            int comma = url.indexOf(',');
            String mediaType = url.substring("data:".length(), comma < 0 ? url.length() : comma);
            throw new Invalid("The data: URL's media type " + (mediaType.isEmpty() ? "(none)" : mediaType)
                    + " is not application/vc+jwt.");
        }
        String token = url.substring(CredentialForms.CREDENTIAL_DATA_URL.length());
        if (token.isEmpty()) {
            throw new Invalid("The data: URL holds no credential.");
        }
        return token;
    }

    private static void checkContext(Map<String, Object> document) {
        Object context = document.get("@context");
        List<?> contexts = context instanceof List<?> list ? list : context == null ? List.of() : List.of(context);
        if (contexts.isEmpty()) {
            throw new Invalid("The credential has no @context.");
        }
        if (!VcClaims.VC2_CONTEXT.equals(contexts.get(0))) {
            throw new Invalid("The credential's first @context must be " + VcClaims.VC2_CONTEXT + ".");
        }
    }
}
