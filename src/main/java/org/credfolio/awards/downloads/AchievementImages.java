package org.credfolio.awards.downloads;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.credfolio.awards.CredentialIssuance;
import org.credfolio.shared.web.Problems;
import org.credfolio.shared.web.Problems.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The image of an achievement as a district issues it (Open Badges 3.0 {@code Achievement.image}):
 * the badge picture without a credential baked in, public, so that wallets and backpacks can show
 * it. It holds nothing about any learner. Cached for a day: names change rarely.
 */
@RestController
class AchievementImages {
    private final EarnedCredentialFiles files;

    AchievementImages(EarnedCredentialFiles files) {
        this.files = files;
    }

    @GetMapping(CredentialIssuance.ACHIEVEMENT_IMAGE_PATH)
    ResponseEntity<byte[]> image(@PathVariable String organizationId, @PathVariable String credentialId) {
        BadgeArt.Subject badge = files.achievementBadge(organizationId, credentialId)
                .orElseThrow(() -> new Refusal(
                        HttpStatus.NOT_FOUND,
                        "ACHIEVEMENT_NOT_FOUND",
                        "No district " + organizationId + " issues a credential " + credentialId + "."));
        return ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .header("Content-Security-Policy", CredentialDownloads.SVG_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(BadgeSvg.unbaked(badge).getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        return Problems.of(e);
    }
}
