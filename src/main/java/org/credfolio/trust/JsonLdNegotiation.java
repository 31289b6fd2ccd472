package org.credfolio.trust;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * Which form of a signed document a client asked for with its Accept header: the JOSE form
 * ({@code vc+jwt}, {@code vp+jwt}) unless it names a JSON-LD type before it names the JOSE one.
 * Wildcards choose nothing, so a browser or a client that sends no Accept gets the JOSE form.
 */
public final class JsonLdNegotiation {
    private JsonLdNegotiation() {}

    public static boolean prefersJsonLd(String accept, MediaType jose, List<MediaType> jsonLd) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(acceptable);
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                continue;
            }
            if (type.isCompatibleWith(jose)) {
                return false;
            }
            if (jsonLd.stream().anyMatch(type::isCompatibleWith)) {
                return true;
            }
        }
        return false;
    }
}
