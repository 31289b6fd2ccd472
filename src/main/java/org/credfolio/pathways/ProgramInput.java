package org.credfolio.pathways;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Input of {@code createProgramOfStudy} and {@code updateProgramOfStudy}. */
public record ProgramInput(
        @Size(max = 20) String stateCode,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 120) String careerCluster,
        @Size(max = 20)
                List<@Pattern(regexp = "\\d{2}-\\d{4}", message = "must be a SOC code like 51-4121") String>
                        targetOccupations,
        @NotNull @Size(min = 2, max = 12) List<@Valid @NotNull CourseInput> courses,
        @Size(max = 20) List<@Valid @NotNull EmbeddedCredentialInput> embeddedCredentials,
        @Size(max = 20) List<@Valid @NotNull ContinuationInput> continuations,
        Long expectedVersion) {

    public record CourseInput(
            @NotBlank
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9 .-]{0,19}",
                            message = "must be a course code like 13032200")
                    String code,
            @NotBlank @Size(max = 200) String title,
            @NotNull @DecimalMin("0.5") @DecimalMax("4") @Digits(integer = 1, fraction = 1) BigDecimal credits,
            @Min(6) @Max(12) int gradeLevel) {}

    public record EmbeddedCredentialInput(
            @NotBlank @Size(max = 64) String credentialId,
            @NotBlank @Size(max = 20) String courseCode,
            @Size(max = 500) String preparation) {}

    public record ContinuationInput(
            @NotBlank @Size(max = 200) String institutionName,
            @Size(max = 64) String institutionId,
            @NotBlank @Size(max = 200) String program,
            @Size(max = 80) String award) {}
}
