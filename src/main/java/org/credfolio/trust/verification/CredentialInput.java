package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a caller handed in as a credential, sorted before anything is verified: a VC-JWT (compact,
 * as a {@code data:} URL, or in an {@code EnvelopedVerifiableCredential}) or a JSON-LD credential
 * with an embedded proof. Anything else is refused with the reason, in words naming the property,
 * following VC Data Model 2.0 (sections 4.2 to 4.5, 4.13 and 5.4), the VC API and the cases of the
 * W3C VC API verifier test suite; it is never reported as verified.
 */
sealed interface CredentialInput {
    /** Media types of a {@code data:} URL holding a JOSE-secured credential (VC-JOSE-COSE, older drafts). */
    Set<String> JWT_MEDIA_TYPES = Set.of("application/vc+jwt", "application/vc-ld+jwt", "application/jwt");

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

    /** Text as GraphQL takes it: a compact JWS, a data: URL, or the JSON of a credential object. */
    static CredentialInput read(String input) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            throw new Invalid("No credential was given.");
        }
        if (value.length() > JoseHeaderPolicy.MAX_TOKEN_CHARS && !value.startsWith("{")) {
            throw new Invalid("The credential is longer than " + JoseHeaderPolicy.MAX_TOKEN_CHARS + " characters.");
        }
        if (value.startsWith("{")) {
            try {
                return read(JSONObjectUtils.parse(value), value);
            } catch (ParseException e) {
                throw new Invalid("The credential is not valid JSON.");
            }
        }
        if (value.startsWith("[")) {
            throw new Invalid("The credential is a JSON array; a credential is one object or one compact JWS.");
        }
        if (value.startsWith("data:")) {
            return new Jwt(fromDataUrl(value, JWT_MEDIA_TYPES, "credential"));
        }
        return new Jwt(compactJws(value, "The credential"));
    }

    /**
     * A JSON value as the VC API carries it in {@code verifiableCredential}: a string (compact JWS
     * or data: URL) or an object (an EnvelopedVerifiableCredential or a secured JSON-LD credential).
     */
    static CredentialInput read(Object value) {
        if (value instanceof String text) {
            return read(text);
        }
        if (value instanceof Map<?, ?> map) {
            check(map);
            String json = JSONObjectUtils.toJSONString(stringKeys(map));
            try {
                return read(JSONObjectUtils.parse(json), json);
            } catch (ParseException e) {
                throw new Invalid("The credential is not valid JSON.");
            }
        }
        throw new Invalid("The credential is " + DataModelRules.kind(value)
                + "; it must be a compact JWS (string) or a credential object.");
    }

    private static CredentialInput read(Map<String, Object> document, String json) {
        if (isEnveloped(document.get("type"))) {
            return enveloped(document);
        }
        check(document);
        return new Secured(document, json);
    }

    /** The data-model rules a secured JSON-LD credential must meet before its proof is looked at. */
    private static void check(Map<?, ?> document) {
        if (isEnveloped(document.get("type"))) {
            return;
        }
        DataModelRules.checkContext(document, "The credential");
        if (!document.containsKey("proof") && document.get("id") instanceof String id && id.startsWith("data:")) {
            throw new Invalid("The credential's id is a data: URL, as an EnvelopedVerifiableCredential's is, but its"
                    + " type " + (document.containsKey("type") ? "is not" : "is missing; it must be")
                    + " EnvelopedVerifiableCredential.");
        }
        DataModelRules.checkType(document);
        DataModelRules.checkIssuer(document);
        DataModelRules.checkSubject(document);
        DataModelRules.checkProof(document);
    }

    /** VC Data Model 2.0, section 4.13.2: the rules of an EnvelopedVerifiableCredential. */
    private static CredentialInput enveloped(Map<String, Object> document) {
        DataModelRules.checkContext(document, "The EnvelopedVerifiableCredential");
        Object type = document.get("type");
        if (type instanceof List<?> list && list.size() != 1) {
            throw new Invalid(
                    "An EnvelopedVerifiableCredential has no other type; its type has " + list.size() + " values.");
        }
        Object id = document.get("id");
        if (id == null) {
            throw new Invalid("The EnvelopedVerifiableCredential has no id holding the credential.");
        }
        if (!(id instanceof String url)) {
            throw new Invalid("The EnvelopedVerifiableCredential's id is " + DataModelRules.kind(id)
                    + "; it must be a data: URL.");
        }
        if (!url.startsWith("data:")) {
            throw new Invalid("The EnvelopedVerifiableCredential's id must be a data: URL"
                    + " (data:application/vc+jwt,<compact JWS>), not a bare token or other URL.");
        }
        return new Jwt(fromDataUrl(url, JWT_MEDIA_TYPES, "credential"));
    }

    private static boolean isEnveloped(Object type) {
        return "EnvelopedVerifiableCredential".equals(type)
                || type instanceof List<?> list && list.contains("EnvelopedVerifiableCredential");
    }

    /**
     * RFC 2397: {@code data:[<media type>][;parameters],<data>}. The media type must be one of
     * {@code mediaTypes}; {@code ;base64} data is decoded, other parameters are ignored.
     *
     * @param what "credential" or "presentation", for the reason
     */
    static String fromDataUrl(String url, Set<String> mediaTypes, String what) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new Invalid("The data: URL has no comma between its media type and the credential.");
        }
        String[] header = url.substring("data:".length(), comma).split(";", -1);
        String mediaType = header[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaTypes.contains(mediaType)) {
            throw new Invalid("The data: URL's media type " + (mediaType.isEmpty() ? "(none)" : mediaType)
                    + " is not that of a JOSE-secured " + what + "; accepted: "
                    + String.join(", ", mediaTypes.stream().sorted().toList()) + ".");
        }
        String data = url.substring(comma + 1).strip();
        boolean base64 = false;
        for (int i = 1; i < header.length; i++) {
            base64 |= header[i].strip().equalsIgnoreCase("base64");
        }
        if (base64) {
            try {
                data = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                throw new Invalid("The data: URL is marked base64 but its data is not base64.");
            }
        }
        if (data.isEmpty()) {
            throw new Invalid("The data: URL holds no " + what + ".");
        }
        return compactJws(data, "The data: URL's content");
    }

    /** A compact JWS, three dot-separated parts, or a refusal naming {@code what}. */
    static String compactJws(String value, String what) {
        if (value.chars().filter(c -> c == '.').count() != 2) {
            throw new Invalid(
                    what + " is neither a JSON object nor a compact JWS (three dot-separated parts): encrypted"
                            + " (JWE) and unsecured forms are not accepted.");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
