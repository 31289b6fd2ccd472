package org.credfolio.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Input of {@code createShare}. How many credentials and which expiry are allowed is checked by
 * {@link ShareManagement}, so that every caller gets the same answers.
 */
public record CreateShareInput(
        @NotNull List<@NotBlank @Size(max = 64) String> earnedCredentialIds,
        @NotBlank @Size(max = ShareManagement.MAX_AUDIENCE_LENGTH) String audience,
        OffsetDateTime expiresAt,
        Boolean showName,
        @Size(max = 64) String identityDisclosureId) {}
