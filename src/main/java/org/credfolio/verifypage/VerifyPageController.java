package org.credfolio.verifypage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.CredentialVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The employer verification page: {@code GET /verify} is the form, {@code POST /verify} checks what
 * was pasted ({@code credential}, form-encoded or multipart) or uploaded ({@code file}, multipart)
 * with the same engine as {@code POST /credentials/verify}. Public, no login. Nothing submitted is
 * stored or logged: failures log an incident id and the exception's type and frames, never its
 * message, which could quote the submission.
 */
@RestController
class VerifyPageController {
    private static final Logger log = LoggerFactory.getLogger(VerifyPageController.class);
    private final CredentialVerifier verifier;

    VerifyPageController(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    ResponseEntity<String> form() {
        return html(HttpStatus.OK, VerifyPage.FORM_POLICY, VerifyPage.form());
    }

    /**
     * A verdict on a credential is a 200 whatever it says (valid, revoked, forged: the check itself
     * worked); input that is no credential at all is a 400, more than 1 MiB a 413.
     */
    @PostMapping("/verify")
    ResponseEntity<String> verify(
            @RequestParam(name = "credential", required = false) String credential,
            @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        Submission submission;
        try {
            if (file != null && !file.isEmpty()) {
                submission = Submission.uploaded(file.getOriginalFilename(), read(file));
            } else if (credential != null && !credential.isBlank()) {
                submission = Submission.pasted(credential);
            } else {
                return result(
                        HttpStatus.BAD_REQUEST,
                        VerifyPage.unreadable("Nothing to check: paste a credential or choose a file.", ""));
            }
        } catch (Submission.TooLarge e) {
            return result(HttpStatus.PAYLOAD_TOO_LARGE, VerifyPage.tooLarge());
        } catch (BadgeImages.Unreadable e) {
            return result(HttpStatus.BAD_REQUEST, VerifyPage.unreadable(e.getMessage(), ""));
        }
        CredentialVerification verification = verifier.verifyCredential(submission.credential());
        return result(
                Verdict.notACredential(verification) ? HttpStatus.BAD_REQUEST : HttpStatus.OK,
                VerifyPage.result(verification, submission));
    }

    /**
     * The part's bytes, at most 1 MiB. Multipart parts are bounded only by the global multipart
     * limits (50 MB, for imports), and a chunked body declares no length for the size filter.
     */
    private static byte[] read(MultipartFile file) throws IOException, Submission.TooLarge {
        if (file.getSize() > Submission.MAX_BYTES) {
            throw new Submission.TooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(Submission.MAX_BYTES + 1);
            if (bytes.length > Submission.MAX_BYTES) {
                throw new Submission.TooLarge();
            }
            return bytes;
        }
    }

    /** Never a stack trace or the framework's error document; never the submission in the log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error(
                "Verify page failed, incident {}: {} at {}",
                incident,
                e.getClass().getName(),
                frames(e));
        return result(HttpStatus.INTERNAL_SERVER_ERROR, VerifyPage.failed(incident));
    }

    private static String frames(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .limit(12)
                .map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
    }

    private static ResponseEntity<String> result(HttpStatus status, String body) {
        return html(status, VerifyPage.RESULT_POLICY, body);
    }

    /** The share page's rules: no caching, no indexing, no referrer, no framing, forms to this origin only. */
    static ResponseEntity<String> html(HttpStatus status, String policy, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
