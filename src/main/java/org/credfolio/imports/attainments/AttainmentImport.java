package org.credfolio.imports.attainments;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.credfolio.awards.AwardManagement;
import org.credfolio.awards.FeePayer;
import org.credfolio.awards.RecordCredentialInput;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.imports.CsvFiles;
import org.credfolio.imports.ImportKind;
import org.credfolio.imports.ImportLedger;
import org.credfolio.imports.ImportProcessor;
import org.credfolio.imports.ImportProperties;
import org.credfolio.imports.ImportRequest;
import org.credfolio.imports.ParallelRows;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.CredfolioException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A CSV of credential results: each row is recorded and issued exactly as
 * {@code recordEarnedCredential} would (same checks, same duplicate refusal, same audit), so
 * uploading the same file again changes nothing and counts every row unchanged. Rows are read in
 * order and applied on a few threads ({@link ParallelRows}).
 */
@Component
class AttainmentImport implements ImportProcessor {
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "learnerId", AttainmentColumns.STUDENT_ID,
            "credentialId", AttainmentColumns.CREDENTIAL,
            "earnedOn", AttainmentColumns.EARNED_ON,
            "expiresOn", AttainmentColumns.EXPIRES_ON,
            "result", AttainmentColumns.RESULT,
            "evidenceUrl", AttainmentColumns.EVIDENCE_URL,
            "examFee.payer", AttainmentColumns.FEE_PAYER,
            "examFee.amount", AttainmentColumns.FEE_AMOUNT);

    private final LearnerManagement learners;
    private final AwardManagement awards;
    private final CatalogManagement catalog;
    private final OrganizationManagement organizations;
    private final Validator validator;
    private final ImportProperties properties;

    AttainmentImport(
            LearnerManagement learners,
            AwardManagement awards,
            CatalogManagement catalog,
            OrganizationManagement organizations,
            Validator validator,
            ImportProperties properties) {
        this.learners = learners;
        this.awards = awards;
        this.catalog = catalog;
        this.organizations = organizations;
        this.validator = validator;
        this.properties = properties;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ATTAINMENTS;
    }

    @Override
    public long inspect(Path file, ImportRequest request) {
        try (InputStream header = Files.newInputStream(file);
                InputStream rows = Files.newInputStream(file)) {
            AttainmentColumns.resolve(
                    CsvFiles.header(header, request.fileName()), request.mapping(), request.fileName());
            return CsvFiles.read(rows, request.fileName(), properties.maxRows(), row -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void apply(Path file, ImportRequest request, ImportLedger ledger) {
        String state = organizations.get(request.districtId()).state();
        CredentialMatcher matcher = new CredentialMatcher(catalog.all(), state);
        Set<String> seenInFile = ConcurrentHashMap.newKeySet();
        try (InputStream header = Files.newInputStream(file);
                InputStream rows = Files.newInputStream(file);
                ParallelRows workers = new ParallelRows(properties.workers(), "import-attainments")) {
            AttainmentColumns columns = AttainmentColumns.resolve(
                    CsvFiles.header(header, request.fileName()), request.mapping(), request.fileName());
            CsvFiles.read(rows, request.fileName(), properties.maxRows(), row -> {
                ledger.read();
                workers.submit(new RowImport(row, columns, request, matcher, ledger, seenInFile)::run);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row: find the learner and the credential, then record exactly as the mutation would. */
    private final class RowImport {
        private final CsvFiles.Row row;
        private final AttainmentColumns columns;
        private final ImportRequest request;
        private final CredentialMatcher matcher;
        private final ImportLedger ledger;
        private final Set<String> seenInFile;

        RowImport(
                CsvFiles.Row row,
                AttainmentColumns columns,
                ImportRequest request,
                CredentialMatcher matcher,
                ImportLedger ledger,
                Set<String> seenInFile) {
            this.row = row;
            this.columns = columns;
            this.request = request;
            this.matcher = matcher;
            this.ledger = ledger;
            this.seenInFile = seenInFile;
        }

        void run() {
            try {
                Optional<Learner> learner = learner();
                if (learner.isEmpty()) {
                    return;
                }
                RecordCredentialInput input = input(learner.get());
                if (input == null) {
                    return;
                }
                Set<ConstraintViolation<RecordCredentialInput>> violations = validator.validate(input);
                if (!violations.isEmpty()) {
                    ConstraintViolation<RecordCredentialInput> first =
                            violations.iterator().next();
                    String field = first.getPropertyPath().toString();
                    refuse(
                            COLUMN_OF_FIELD.getOrDefault(field, null),
                            "INVALID_VALUE",
                            cell(field) + first.getMessage() + ".");
                    return;
                }
                record(input, learner.get());
            } catch (AccessDeniedException e) {
                refuse(AttainmentColumns.STUDENT_ID, "NOT_PERMITTED", e.getMessage());
            }
        }

        private void record(RecordCredentialInput input, Learner learner) {
            String key = input.learnerId() + "|" + input.credentialId() + "@" + input.earnedOn();
            try {
                if (request.dryRun()) {
                    awards.check(input, learner);
                    if (!seenInFile.add(key)) {
                        ledger.unchanged(); // an earlier row of this file would have recorded it
                        return;
                    }
                } else {
                    awards.record(input, learner);
                }
                ledger.created();
            } catch (ConflictException e) {
                if ("DUPLICATE_EARNED_CREDENTIAL".equals(e.code())) {
                    ledger.unchanged();
                } else {
                    refuse(columnOf(e), e.code(), e.getMessage());
                }
            } catch (CredfolioException e) {
                refuse(columnOf(e), e.code(), e.getMessage());
            }
        }

        private RecordCredentialInput input(Learner learner) {
            String credentialCell = row.get(columns.column(AttainmentColumns.CREDENTIAL));
            if (credentialCell == null) {
                return missing(AttainmentColumns.CREDENTIAL);
            }
            CredentialMatcher.Match match = matcher.match(credentialCell);
            if (!match.found()) {
                refuse(
                        AttainmentColumns.CREDENTIAL,
                        match.ambiguous() ? "CREDENTIAL_AMBIGUOUS" : "CREDENTIAL_NOT_FOUND",
                        (match.ambiguous()
                                        ? "'" + credentialCell + "' matches more than one catalog credential"
                                        : "No catalog credential matches '" + credentialCell + "'")
                                + suggestions(match.suggestions()));
                return null;
            }
            LocalDate earnedOn = date(AttainmentColumns.EARNED_ON, true);
            if (earnedOn == null) {
                return null;
            }
            String expiresCell = row.get(columns.column(AttainmentColumns.EXPIRES_ON));
            LocalDate expiresOn = expiresCell == null ? null : date(AttainmentColumns.EXPIRES_ON, false);
            if (expiresCell != null && expiresOn == null) {
                return null;
            }
            Optional<RecordCredentialInput.ExamFeeInput> fee = fee();
            if (fee == null) {
                return null;
            }
            return new RecordCredentialInput(
                    learner.id(),
                    match.credential().id(),
                    earnedOn,
                    expiresOn,
                    row.get(columns.column(AttainmentColumns.RESULT)),
                    row.get(columns.column(AttainmentColumns.EVIDENCE_URL)),
                    fee.orElse(null));
        }

        private Optional<Learner> learner() {
            String studentId = row.get(columns.column(AttainmentColumns.STUDENT_ID));
            String sourcedId = row.get(columns.column(AttainmentColumns.SOURCED_ID));
            if (studentId != null) {
                Optional<Learner> found = learners.findByStudentId(request.districtId(), studentId);
                if (found.isEmpty()) {
                    refuse(
                            AttainmentColumns.STUDENT_ID,
                            "LEARNER_NOT_FOUND",
                            "No learner with student id '" + studentId + "' in this district that you may record for.");
                }
                return found;
            }
            if (sourcedId != null) {
                Optional<Learner> found = learners.findBySourcedId(request.districtId(), sourcedId);
                if (found.isEmpty()) {
                    refuse(
                            AttainmentColumns.SOURCED_ID,
                            "LEARNER_NOT_FOUND",
                            "No learner with sourcedId '" + sourcedId + "' in this district that you may record for.");
                }
                return found;
            }
            missing(AttainmentColumns.STUDENT_ID);
            return Optional.empty();
        }

        private LocalDate date(String column, boolean required) {
            String cell = row.get(columns.column(column));
            if (cell == null) {
                if (required) {
                    missing(column);
                }
                return null;
            }
            try {
                return LocalDate.parse(cell, columns.dates());
            } catch (DateTimeParseException e) {
                refuse(
                        column,
                        "INVALID_DATE",
                        "'" + cell + "' is not a date in the form "
                                + (columns.dates() == java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                                        ? "yyyy-MM-dd (or give date_format in the mapping)"
                                        : "the mapping's date_format")
                                + ".");
                return null;
            }
        }

        /** The exam fee, none, or null after refusing the row. */
        private Optional<RecordCredentialInput.ExamFeeInput> fee() {
            String payerCell = row.get(columns.column(AttainmentColumns.FEE_PAYER));
            String amountCell = row.get(columns.column(AttainmentColumns.FEE_AMOUNT));
            if (payerCell == null && amountCell == null) {
                return Optional.empty();
            }
            if (payerCell == null || amountCell == null) {
                missing(payerCell == null ? AttainmentColumns.FEE_PAYER : AttainmentColumns.FEE_AMOUNT);
                return null;
            }
            FeePayer payer;
            try {
                payer = FeePayer.valueOf(
                        payerCell.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
            } catch (IllegalArgumentException e) {
                refuse(
                        AttainmentColumns.FEE_PAYER,
                        "INVALID_VALUE",
                        "'" + payerCell + "' is not a fee payer; use one of "
                                + java.util.Arrays.stream(FeePayer.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + ".");
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(
                        amountCell.replace("$", "").replace(",", "").strip());
                return Optional.of(new RecordCredentialInput.ExamFeeInput(payer, amount));
            } catch (NumberFormatException e) {
                refuse(
                        AttainmentColumns.FEE_AMOUNT,
                        "INVALID_VALUE",
                        "'" + amountCell + "' is not an amount in dollars.");
                return null;
            }
        }

        private RecordCredentialInput missing(String column) {
            refuse(column, "MISSING_VALUE", column + " is empty; it is required.");
            return null;
        }

        private String cell(String field) {
            String column = COLUMN_OF_FIELD.get(field);
            return column == null ? "" : column + " ";
        }

        private String columnOf(CredfolioException e) {
            if (e.field() == null) {
                return null;
            }
            String field = e.field().startsWith("input.") ? e.field().substring("input.".length()) : e.field();
            return COLUMN_OF_FIELD.get(field);
        }

        /** Refuses the row, naming the column as the file does. */
        private void refuse(String templateColumn, String code, String message) {
            String column = templateColumn == null ? null : columns.column(templateColumn);
            ledger.refused(row.line(), column == null ? templateColumn : column, code, message);
        }

        private static String suggestions(List<CredentialDefinition> suggestions) {
            if (suggestions.isEmpty()) {
                return ".";
            }
            return "; did you mean "
                    + suggestions.stream()
                            .map(c -> "'" + c.name() + "' (" + c.id() + ")")
                            .collect(Collectors.joining(", "))
                    + "?";
        }
    }
}
