package org.credfolio.sharing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.credfolio.sharing.ShareViews.Gone;
import org.credfolio.sharing.ShareViews.Shown;
import org.credfolio.sharing.ShareViews.View;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.JsonLdNegotiation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public page of a share, server-rendered HTML without script. Pages carry the learner's
 * credentials, so nothing may cache, index or refer them onwards.
 */
@RestController
class SharePageController {
    private static final Logger log = LoggerFactory.getLogger(SharePageController.class);
    private static final MediaType VP_JWT = MediaType.parseMediaType("application/vp+jwt");
    private static final MediaType VP_LD = MediaType.parseMediaType("application/vp+ld+json");
    private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    private final ShareViews views;
    private final SharedPresentations presentations;

    SharePageController(ShareViews views, SharedPresentations presentations) {
        this.views = views;
        this.presentations = presentations;
    }

    /**
     * The share's credentials as one presentation signed with the learner's holder key: a
     * {@code vp+jwt} by default, or JSON-LD with an {@code eddsa-rdfc-2022} proof for
     * {@code Accept: application/vp+ld+json} or {@code application/ld+json}. A verifier that wants
     * proof of freshness first gets a challenge (POST /challenges) and passes it, with its domain,
     * here; the presentation then verifies once, for that domain only.
     */
    @GetMapping("/shares/{token}/presentation")
    ResponseEntity<String> presentation(
            @PathVariable String token,
            @RequestParam(required = false) String challenge,
            @RequestParam(required = false) String domain,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (challenge != null && challenge.length() > 200 || domain != null && domain.length() > 200) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("challenge and domain may be at most 200 characters each.");
        }
        boolean dataIntegrity = JsonLdNegotiation.prefersJsonLd(accept, VP_JWT, List.of(VP_LD, LD_JSON));
        Optional<String> presented = dataIntegrity
                ? presentations.presentSecured(token, domain, challenge).map(CredentialForms::json)
                : presentations.present(token, domain, challenge);
        if (presented.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, SharePage.missing());
        }
        return ResponseEntity.ok()
                .contentType(dataIntegrity ? VP_LD : VP_JWT)
                .cacheControl(CacheControl.noStore())
                .varyBy(HttpHeaders.ACCEPT)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"credentials." + (dataIntegrity ? "vp.json" : "vp.jwt") + "\"")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(presented.get());
    }

    @GetMapping("/shares/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        View view = views.open(token);
        if (view instanceof Shown shown) {
            return html(HttpStatus.OK, SharePage.shown(shown));
        }
        if (view instanceof Gone gone) {
            return html(HttpStatus.GONE, SharePage.gone(gone));
        }
        return html(HttpStatus.NOT_FOUND, SharePage.missing());
    }

    /** Never a stack trace or an error document of the framework: the same plain page, and an id to find the log. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Share page failed, incident {}", incident, e);
        return html(HttpStatus.INTERNAL_SERVER_ERROR, SharePage.failed(incident));
    }

    /**
     * An HTML page with the headers of every public page of this module: not cached, not indexed, not
     * referred onwards, no script, no framing. The credential pages at /c/ use it too.
     */
    static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", Html.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
