package org.credfolio.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input of {@code createOrganization}. */
public record CreateOrganizationInput(
        @NotNull OrganizationType type,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 64) String districtId,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
        @Pattern(regexp = "https://\\S{1,500}", message = "must be an https URL") String website,
        @Size(max = 64) String code) {}
