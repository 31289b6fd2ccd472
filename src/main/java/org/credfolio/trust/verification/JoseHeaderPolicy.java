package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token's JOSE header may say before any key is looked up. The verifier chooses keys
 * itself: headers that carry or point at a key are refused, as are {@code none}, HMAC (a public key
 * must never become a shared secret) and critical extensions this verifier does not implement.
 */
final class JoseHeaderPolicy {
    /** Largest token accepted: far above any credential issued here, well below a request limit. */
    static final int MAX_TOKEN_CHARS = 64 * 1024;

    static final Set<String> ALLOWED_ALGORITHMS = Set.of("ES256", "RS256", "EdDSA");
    private static final List<String> KEY_CARRYING_HEADERS = List.of("jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256");
    // did:web method-specific id (host, optional percent-encoded port, colon-separated path) and a
    // fragment of base64url characters: no '/', '?', '.', '..' or '\' that could steer a lookup.
    private static final Pattern KID =
            Pattern.compile("did:web:[A-Za-z0-9.%-]+(:[A-Za-z0-9_-]+)*#[A-Za-z0-9_-]{1,128}");

    private final Set<String> acceptedTypes;
    private final String kind;

    private JoseHeaderPolicy(String kind, Set<String> acceptedTypes) {
        this.kind = kind;
        this.acceptedTypes = acceptedTypes;
    }

    static JoseHeaderPolicy forCredentials() {
        // "JWT" is what verifiers on the first Open Badges 3.0 JWT profile send.
        return new JoseHeaderPolicy("credential", Set.of("vc+jwt", "application/vc+jwt", "JWT"));
    }

    static JoseHeaderPolicy forPresentations() {
        return new JoseHeaderPolicy("presentation", Set.of("vp+jwt", "application/vp+jwt", "JWT"));
    }

    /**
     * A token that passed the policy, parsed once for all later checks.
     *
     * @param signingInput the header and payload parts as sent, which the signature covers
     */
    record Parsed(JWSHeader header, byte[] signingInput, Base64URL signature, Map<String, Object> payload) {}

    /** Applies the policy; returns the parsed token when every header check passed, else null. */
    Parsed check(String token, Checks checks) {
        if (token == null || token.isBlank()) {
            checks.fail("parse", "No " + kind + " was given.");
            return null;
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            checks.fail("parse", "The " + kind + " is longer than " + MAX_TOKEN_CHARS + " characters.");
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            checks.fail("parse", "Encrypted tokens (JWE) are not accepted; send the signed " + kind + ".");
            return null;
        }
        if (parts.length != 3) {
            checks.fail("parse", "Not a compact JWS: expected three dot-separated parts, found " + parts.length + ".");
            return null;
        }
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(base64UrlJson(parts[0]));
        } catch (ParseException | RuntimeException e) {
            checks.fail("parse", "The header is not base64url-encoded JSON.");
            return null;
        }
        Map<String, Object> payload;
        try {
            payload = JSONObjectUtils.parse(base64UrlJson(parts[1]));
        } catch (ParseException | RuntimeException e) {
            checks.fail("parse", "The payload is not base64url-encoded JSON.");
            return null;
        }
        checks.pass("parse", "A compact JWS with a JSON header and payload.");
        if (!algorithmAllowed(header.get("alg"), checks) || !headerAllowed(header, checks)) {
            return null;
        }
        if (parts[2].isEmpty()) {
            checks.fail("signature", "The signature is missing.");
            return null;
        }
        try {
            // From the header already parsed: nimbus's own parse would decode and read it again.
            JWSHeader jwsHeader = JWSHeader.parse(header, new Base64URL(parts[0]));
            // Both parts decoded as base64url above, so every character is ASCII: ISO-8859-1 gives
            // the same bytes with a plain copy, where US-ASCII checks each one again.
            byte[] signingInput = token.substring(0, parts[0].length() + 1 + parts[1].length())
                    .getBytes(StandardCharsets.ISO_8859_1);
            return new Parsed(jwsHeader, signingInput, new Base64URL(parts[2]), payload);
        } catch (ParseException | RuntimeException e) {
            checks.fail("header", "The header is not a valid JWS header: " + e.getMessage());
            return null;
        }
    }

    /**
     * A base64url part (RFC 7515: the URL-safe alphabet, padding optional) as UTF-8 text. The JDK's
     * decoder refuses any other character, and is far faster than nimbus's lenient one, which
     * skips what it does not know (16 us against 0.3 us for a 2 KB payload).
     */
    private static String base64UrlJson(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private boolean algorithmAllowed(Object alg, Checks checks) {
        if (!(alg instanceof String name) || name.isBlank()) {
            checks.fail("algorithm", "The header has no algorithm (alg).");
            return false;
        }
        if (name.equalsIgnoreCase("none")) {
            checks.fail("algorithm", "Unsigned tokens (alg \"" + name + "\") are refused.");
            return false;
        }
        if (name.toUpperCase().startsWith("HS")) {
            checks.fail(
                    "algorithm",
                    "HMAC algorithms (" + name + ") are refused: credentials are signed with public-key algorithms.");
            return false;
        }
        if (!ALLOWED_ALGORITHMS.contains(name)) {
            checks.fail("algorithm", "Algorithm " + name + " is not accepted; accepted: ES256, EdDSA, RS256.");
            return false;
        }
        checks.pass("algorithm", name + " is accepted.");
        return true;
    }

    private boolean headerAllowed(Map<String, Object> header, Checks checks) {
        for (String name : KEY_CARRYING_HEADERS) {
            if (header.containsKey(name)) {
                checks.fail(
                        "header",
                        "The header carries its own key or key location (" + name
                                + "); keys are resolved only from the issuer's published documents.");
                return false;
            }
        }
        if (header.containsKey("crit")) {
            checks.fail(
                    "header",
                    "The header marks extensions as critical (crit: " + header.get("crit")
                            + ") that this verifier does not implement.");
            return false;
        }
        Object typ = header.get("typ");
        if (typ != null && !acceptedTypes.contains(String.valueOf(typ))) {
            checks.fail(
                    "header", "Token type (typ) " + typ + " is not a " + kind + "; expected " + acceptedTypes + ".");
            return false;
        }
        Object kid = header.get("kid");
        if (!(kid instanceof String id) || id.isBlank()) {
            checks.fail("header", "The header has no key id (kid).");
            return false;
        }
        if (id.length() > 512 || !KID.matcher(id).matches()) {
            checks.fail(
                    "header",
                    "The key id is not a did:web key reference (did:web:<host>[:path]#<key>); it may not"
                            + " contain '/', '?', '.' path steps or other characters.");
            return false;
        }
        checks.pass("header", "Type " + (typ == null ? "(none)" : typ) + ", key id " + id + ".");
        return true;
    }
}
