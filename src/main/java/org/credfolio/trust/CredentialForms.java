package org.credfolio.trust;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The forms a JOSE-secured credential arrives in: the compact JWS itself, a {@code data:} URL, or
 * the VC 2.0 {@code EnvelopedVerifiableCredential} object holding that URL (VC Data Model 2.0,
 * section 4.13; VC-JOSE-COSE, section 3.1.1).
 */
public final class CredentialForms {
    public static final String CREDENTIAL_DATA_URL = "data:application/vc+jwt,";
    public static final String PRESENTATION_DATA_URL = "data:application/vp+jwt,";

    private CredentialForms() {}

    /** The enveloped form of a compact credential, as VC 2.0 presentations and the VC API carry it. */
    public static Map<String, Object> envelope(String jwt) {
        return Map.of(
                "@context",
                List.of("https://www.w3.org/ns/credentials/v2"),
                "id",
                CREDENTIAL_DATA_URL + jwt,
                "type",
                "EnvelopedVerifiableCredential");
    }

    /** The decoded payload of a compact JWS this service issued. */
    public static Map<String, Object> payload(String jwt) {
        try {
            return JSONObjectUtils.parse(new Base64URL(jwt.split("\\.")[1]).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("Stored credential is not a compact JWS", e);
        }
    }

    /** JSON text of a credential, for storing a Data Integrity form exactly as it was signed. */
    public static String json(Map<String, Object> credential) {
        return JSONObjectUtils.toJSONString(credential);
    }

    /** A credential stored as JSON text by {@link #json}. */
    public static Map<String, Object> parseJson(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored credential is not JSON", e);
        }
    }

    /** The compact JWS inside any accepted form; other input is returned as is, for the parser to refuse. */
    public static String compact(String input, String dataUrlPrefix) {
        if (input == null) {
            return null;
        }
        String value = input.strip();
        if (value.startsWith("{")) {
            try {
                Object id = JSONObjectUtils.parse(value).get("id");
                value = id instanceof String s ? s : value;
            } catch (ParseException e) {
                return value;
            }
        }
        return value.startsWith(dataUrlPrefix) ? value.substring(dataUrlPrefix.length()) : value;
    }

    /** The compact JWS of an enveloped credential object inside a presentation, or null. */
    public static String fromEnvelope(Object item) {
        if (item instanceof String s) {
            return compact(s, CREDENTIAL_DATA_URL);
        }
        if (item instanceof Map<?, ?> map && map.get("id") instanceof String id && id.startsWith(CREDENTIAL_DATA_URL)) {
            return id.substring(CREDENTIAL_DATA_URL.length());
        }
        return null;
    }
}
