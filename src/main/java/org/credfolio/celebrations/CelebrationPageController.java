package org.credfolio.celebrations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
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
 * The public celebration page, server-rendered HTML without script. It is computed from current
 * records and consent on every request and never cached anywhere, so a withdrawn consent or a
 * withdrawn celebration takes effect on the next request.
 */
@RestController
class CelebrationPageController {
    private static final Logger log = LoggerFactory.getLogger(CelebrationPageController.class);
    private final CelebrationTally tally;

    CelebrationPageController(CelebrationTally tally) {
        this.tally = tally;
    }

    @GetMapping("/celebrations/{id}")
    ResponseEntity<String> page(@PathVariable String id) {
        Optional<Celebration> celebration = id.length() > 100 ? Optional.empty() : tally.find(id);
        if (celebration.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, CelebrationPage.missing());
        }
        if (celebration.get().withdrawn()) {
            return html(HttpStatus.GONE, CelebrationPage.gone());
        }
        return html(HttpStatus.OK, CelebrationPage.shown(tally.tally(celebration.get()), Instant.now()));
    }

    /** Never a stack trace or an error document of the framework: a plain page, and an id to find the log. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Celebration page failed, incident {}", incident, e);
        return html(HttpStatus.INTERNAL_SERVER_ERROR, CelebrationPage.failed(incident));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CelebrationHtml.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
