package org.credfolio.learner.claim;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.credfolio.organization.Account;
import org.credfolio.shared.error.CredfolioException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code createClaimCodes} for registrars, {@code resetPassword} for district admins, and {@code POST
 * /auth/claim} for the learner or user redeeming a code.
 */
@Controller
class ClaimController {
    private final ClaimCodes codes;
    private final PasswordResets resets;

    ClaimController(ClaimCodes codes, PasswordResets resets) {
        this.codes = codes;
        this.resets = resets;
    }

    @MutationMapping
    List<IssuedClaimCode> createClaimCodes(@Argument @Valid ClaimCodesInput input) {
        return codes.create(input);
    }

    @MutationMapping
    PasswordReset resetPassword(@Argument String id) {
        return resets.reset(id);
    }

    record ClaimRequest(String code, String username, String password) {}

    /** {@code {"code", "username", "password"}}: 201 with the account's username, or 400 saying why. */
    @PostMapping(path = "/auth/claim", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> claim(@RequestBody(required = false) ClaimRequest request) {
        if (request == null || request.code() == null || request.username() == null || request.password() == null) {
            return refusal("invalid_request", "Send JSON with 'code', 'username' and 'password'.");
        }
        try {
            Account account = codes.claim(request.code(), request.username(), request.password());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Cache-Control", "no-store")
                    .body(Map.of("username", account.username()));
        } catch (CredfolioException e) {
            return refusal(e.code(), e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, Object>> refusal(String code, String description) {
        return ResponseEntity.badRequest()
                .header("Cache-Control", "no-store")
                .body(Map.of("error", code, "error_description", description));
    }
}
