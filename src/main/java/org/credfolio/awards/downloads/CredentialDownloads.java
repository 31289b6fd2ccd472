package org.credfolio.awards.downloads;

import java.nio.charset.StandardCharsets;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.CredfolioException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.web.Problems;
import org.credfolio.shared.web.Problems.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A learner's downloads of their own earned credential, with their bearer token: the badge as a
 * baked Open Badges 3.0 PNG or SVG, and a printable PDF certificate. {@code proof=jwt} (the
 * default) bakes the VC-JWT, {@code proof=data-integrity} the credential with its embedded proof.
 * Refusals are problem details ({@code application/problem+json}) with a stable {@code code}.
 */
@RestController
class CredentialDownloads {
    private static final Logger log = LoggerFactory.getLogger(CredentialDownloads.class);
    /** The SVG is an image: no script, no remote resources, inline styles only. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final EarnedCredentialFiles files;

    CredentialDownloads(EarnedCredentialFiles files) {
        this.files = files;
    }

    @GetMapping("/me/credentials/{credentialId}/badge.png")
    ResponseEntity<byte[]> png(@PathVariable String credentialId, @RequestParam(defaultValue = "jwt") String proof) {
        boolean jwt = jwtProof(proof);
        EarnedCredentialFiles.CredentialFile file = files.own(credentialId);
        byte[] body = BadgePng.render(file, jwt ? file.jwt() : file.dataIntegrity());
        return download(MediaType.IMAGE_PNG, BadgeText.fileName(file.credentialName(), file.awardId(), "png"))
                .body(body);
    }

    @GetMapping("/me/credentials/{credentialId}/badge.svg")
    ResponseEntity<byte[]> svg(@PathVariable String credentialId, @RequestParam(defaultValue = "jwt") String proof) {
        boolean jwt = jwtProof(proof);
        EarnedCredentialFiles.CredentialFile file = files.own(credentialId);
        String body = jwt ? BadgeSvg.withJwt(file) : BadgeSvg.withDataIntegrity(file);
        return download(
                        new MediaType("image", "svg+xml", StandardCharsets.UTF_8),
                        BadgeText.fileName(file.credentialName(), file.awardId(), "svg"))
                .header("Content-Security-Policy", SVG_POLICY)
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/me/credentials/{credentialId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String credentialId) {
        EarnedCredentialFiles.CredentialFile file = files.own(credentialId);
        byte[] body = CertificatePdf.render(file);
        return download(
                        MediaType.APPLICATION_PDF,
                        BadgeText.fileName(file.credentialName(), file.awardId(), "certificate.pdf"))
                .body(body);
    }

    private static boolean jwtProof(String proof) {
        if ("jwt".equals(proof)) {
            return true;
        }
        if ("data-integrity".equals(proof)) {
            return false;
        }
        throw new Refusal(
                HttpStatus.BAD_REQUEST,
                "INVALID_VALUE",
                "proof is 'jwt' (the VC-JWT, the default) or 'data-integrity' (the embedded proof).");
    }

    private static ResponseEntity.BodyBuilder download(MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff");
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        return Problems.of(e);
    }

    @ExceptionHandler(EarnedCredentialFiles.CredentialWithdrawn.class)
    ResponseEntity<ProblemDetail> withdrawn(EarnedCredentialFiles.CredentialWithdrawn e) {
        return problem(HttpStatus.valueOf(e.status()), e.code(), e.getMessage());
    }

    @ExceptionHandler(CredfolioException.class)
    ResponseEntity<ProblemDetail> refused(CredfolioException e) {
        HttpStatus status = e instanceof NotFoundException
                ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return problem(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(
                HttpStatus.FORBIDDEN,
                "ACCESS_DENIED",
                "Only a learner may download badges and certificates, of their own credentials.");
    }

    /** Never a stack trace: an id to find the log entry. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Credential download failed, incident {}", incident, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Something went wrong on our side (incident " + incident + ").");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return Problems.of(status, code, detail);
    }
}
