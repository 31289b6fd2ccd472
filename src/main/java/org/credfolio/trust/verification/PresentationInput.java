package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller handed in as a presentation, sorted before it is verified: a {@code vp+jwt} as a
 * compact JWS, a {@code data:} URL, or an {@code EnvelopedVerifiablePresentation} (VC Data Model
 * 2.0, section 4.13.3), or a VerifiablePresentation with an embedded Data Integrity proof (passed
 * on as its JSON text). Anything else is refused with the reason as {@link CredentialInput.Invalid}.
 */
final class PresentationInput {
    static final Set<String> MEDIA_TYPES = Set.of("application/vp+jwt", "application/vp-ld+jwt", "application/jwt");
    private static final String ENVELOPED = "EnvelopedVerifiablePresentation";

    private PresentationInput() {}

    /** The compact JWS of the presentation, or the JSON text of a Data Integrity presentation. */
    static String read(Object value) {
        if (value instanceof String text) {
            return read(text);
        }
        if (value instanceof Map<?, ?> document) {
            return enveloped(document);
        }
        throw new CredentialInput.Invalid("The presentation is " + DataModelRules.kind(value)
                + "; it must be a vp+jwt (string) or an EnvelopedVerifiablePresentation object.");
    }

    private static String read(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new CredentialInput.Invalid("No presentation was given.");
        }
        if (value.startsWith("{")) {
            try {
                return enveloped(JSONObjectUtils.parse(value));
            } catch (ParseException e) {
                throw new CredentialInput.Invalid("The presentation is not valid JSON.");
            }
        }
        if (value.startsWith("data:")) {
            return CredentialInput.fromDataUrl(value, MEDIA_TYPES, "presentation");
        }
        return CredentialInput.compactJws(value, "The presentation");
    }

    private static boolean isSecured(Object type, Map<?, ?> document) {
        boolean presentation = "VerifiablePresentation".equals(type)
                || type instanceof List<?> list && list.contains("VerifiablePresentation");
        return presentation && document.get("proof") instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> document) {
        return (Map<String, Object>) document;
    }

    /** VC Data Model 2.0, section 4.13.3: the rules of an EnvelopedVerifiablePresentation. */
    private static String enveloped(Map<?, ?> document) {
        Object type = document.get("type");
        boolean enveloped = ENVELOPED.equals(type) || type instanceof List<?> list && list.contains(ENVELOPED);
        DataModelRules.checkContext(document, enveloped ? "The " + ENVELOPED : "The presentation");
        if (!enveloped && isSecured(type, document)) {
            // A Data Integrity presentation: verified as JSON-LD with its embedded proof.
            return JSONObjectUtils.toJSONString(cast(document));
        }
        if (!enveloped) {
            String what = type == null
                    ? "The presentation has no type"
                    : "The presentation's type does not include " + ENVELOPED;
            if (document.get("id") instanceof String id && id.startsWith("data:")) {
                throw new CredentialInput.Invalid(what + " (its id is a data: URL: an enveloped presentation's"
                        + " type must be " + ENVELOPED + ").");
            }
            throw new CredentialInput.Invalid(what + ". Send a vp+jwt (the compact token, its data: URL or an "
                    + ENVELOPED + ") or a VerifiablePresentation with an embedded eddsa-rdfc-2022 proof.");
        }
        if (type instanceof List<?> list && list.size() != 1) {
            throw new CredentialInput.Invalid(
                    "An " + ENVELOPED + " has no other type; its type has " + list.size() + " values.");
        }
        Object id = document.get("id");
        if (!(id instanceof String url)) {
            throw new CredentialInput.Invalid(
                    id == null
                            ? "The " + ENVELOPED + " has no id holding the presentation."
                            : "The " + ENVELOPED + "'s id is " + DataModelRules.kind(id) + "; it must be a data: URL.");
        }
        if (!url.startsWith("data:")) {
            throw new CredentialInput.Invalid("The " + ENVELOPED + "'s id must be a data: URL"
                    + " (data:application/vp+jwt,<compact JWS>), not a bare token or other URL.");
        }
        return CredentialInput.fromDataUrl(url, MEDIA_TYPES, "presentation");
    }
}
