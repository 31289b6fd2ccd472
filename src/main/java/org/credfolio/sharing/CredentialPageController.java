package org.credfolio.sharing;

import java.util.Map;
import java.util.Optional;
import org.credfolio.sharing.CredentialPages.Gone;
import org.credfolio.sharing.CredentialPages.Live;
import org.credfolio.sharing.CredentialPages.Opened;
import org.credfolio.trust.CredentialForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The permanent public page of one credential, /c/{publicId}, and its two signed forms. Server-rendered
 * HTML without script under the share page's Content-Security-Policy, never cached: the verdict is
 * made on every view and a withdrawal or revocation shows at once.
 *
 * <p>Indexing: the page says {@code noindex} (header and meta), like the share page. The learner
 * published it to hand out (LinkedIn's certUrl, a CV), and it works for everyone who has the link;
 * but Credfolio's learners are mostly minors, and a search engine that indexed their name, school
 * district and credentials would make them findable by name, and keep a cached copy after they
 * withdraw the page. Being reachable by its link is what the page is for; being searchable is not.
 */
@RestController
class CredentialPageController {
    private static final Logger log = LoggerFactory.getLogger(CredentialPageController.class);
    private static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    private static final MediaType VC_LD = MediaType.parseMediaType("application/vc+ld+json");
    private final CredentialPages pages;

    CredentialPageController(CredentialPages pages) {
        this.pages = pages;
    }

    @GetMapping("/c/{publicId}")
    ResponseEntity<String> page(@PathVariable String publicId) {
        Opened opened = pages.open(publicId);
        if (opened instanceof Live live) {
            return SharePageController.html(HttpStatus.OK, CredentialPageHtml.live(live));
        }
        if (opened instanceof Gone gone) {
            return SharePageController.html(HttpStatus.GONE, CredentialPageHtml.gone(gone));
        }
        return SharePageController.html(HttpStatus.NOT_FOUND, CredentialPageHtml.missing());
    }

    /** The VC-JWT; 404 for an unknown page, 410 for a withdrawn page or a revoked credential. */
    @GetMapping("/c/{publicId}/credential.jwt")
    ResponseEntity<String> jwt(@PathVariable String publicId) {
        Optional<String> jwt = pages.jwt(publicId);
        return jwt.isPresent() ? download(VC_JWT, "credential.jwt", jwt.get()) : unavailable(publicId);
    }

    /** The Data Integrity form (eddsa-rdfc-2022); 404 for an unknown page, 410 for withdrawn or revoked. */
    @GetMapping("/c/{publicId}/credential.json")
    ResponseEntity<String> json(@PathVariable String publicId) {
        Optional<Map<String, Object>> secured = pages.dataIntegrity(publicId);
        return secured.isPresent()
                ? download(VC_LD, "credential.json", CredentialForms.json(secured.get()))
                : unavailable(publicId);
    }

    private ResponseEntity<String> unavailable(String publicId) {
        return !pages.known(publicId)
                ? SharePageController.html(HttpStatus.NOT_FOUND, CredentialPageHtml.missing())
                : SharePageController.html(
                        HttpStatus.GONE,
                        Html.page(
                                "No signed credential",
                                "No signed credential",
                                "<p>This page was withdrawn, or its credential was revoked by the issuer: there is"
                                        + " no signed credential to download.</p>\n"));
    }

    private static ResponseEntity<String> download(MediaType type, String file, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** Never a stack trace: the same plain page as the share page's, and an id to find the log. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Credential page failed, incident {}", incident, e);
        return SharePageController.html(HttpStatus.INTERNAL_SERVER_ERROR, SharePage.failed(incident));
    }
}
