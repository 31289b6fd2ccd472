package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller handed in as a presentation, sorted before it is verified: a {@code vp+jwt} as a
 * compact JWS, a {@code data:} URL, or an {@code EnvelopedVerifiablePresentation} (VC Data Model
 * 2.0, section 4.13.3). Anything else is refused with the reason as {@link CredentialInput.Invalid}.
 */
final class PresentationInput {
    static final Set<String> MEDIA_TYPES = Set.of("application/vp+jwt", "application/vp-ld+jwt", "application/jwt");
    private static final String ENVELOPED = "EnvelopedVerifiablePresentation";

    private PresentationInput() {}

    /** The compact JWS of the presentation. */
    static String read(Object value) {
        if (value instanceof String text) {
            return read(text);
        }
        if (value instanceof Map<?, ?> document) {
            return enveloped(document);
        }
        throw new CredentialInput.Invalid("The presentation is " + CredentialInput.kind(value)
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

    /** VC Data Model 2.0, section 4.13.3: the rules of an EnvelopedVerifiablePresentation. */
    private static String enveloped(Map<?, ?> document) {
        Object type = document.get("type");
        boolean enveloped = ENVELOPED.equals(type) || type instanceof List<?> list && list.contains(ENVELOPED);
        CredentialInput.checkContext(document, enveloped ? "The " + ENVELOPED : "The presentation");
        if (!enveloped) {
            String what = type == null
                    ? "The presentation has no type"
                    : "The presentation's type does not include " + ENVELOPED;
            if (document.get("id") instanceof String id && id.startsWith("data:")) {
                throw new CredentialInput.Invalid(what + " (its id is a data: URL: an enveloped presentation's"
                        + " type must be " + ENVELOPED + ").");
            }
            throw new CredentialInput.Invalid(what + ". Presentations are verified as vp+jwt: send the compact"
                    + " token, its data: URL or an " + ENVELOPED + "; JSON-LD presentations with an embedded proof"
                    + " are not accepted.");
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
                            : "The " + ENVELOPED + "'s id is " + CredentialInput.kind(id)
                                    + "; it must be a data: URL.");
        }
        if (!url.startsWith("data:")) {
            throw new CredentialInput.Invalid("The " + ENVELOPED + "'s id must be a data: URL"
                    + " (data:application/vp+jwt,<compact JWS>), not a bare token or other URL.");
        }
        return CredentialInput.fromDataUrl(url, MEDIA_TYPES, "presentation");
    }
}
