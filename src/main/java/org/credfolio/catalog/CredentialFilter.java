package org.credfolio.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Filters of the {@code credentials} query; all optional, combined with AND. */
public record CredentialFilter(
        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String nameContains,
        @Size(max = 100) String careerCluster,
        CredentialType type,
        @Size(max = 64) String certifyingBodyId) {}
