package org.credfolio.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.credfolio.shared.csv.SpreadsheetSafe;
import org.credfolio.shared.error.CredfolioException;
import org.credfolio.shared.error.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /imports/oneroster} and {@code POST /imports/attainments} (multipart, the file in the
 * part {@code file}; {@code districtId}, {@code dryRun} and, for attainments, {@code mapping} as
 * query parameters) answer 202 with the job id; {@code GET /imports/{jobId}/problems.csv} lists
 * what was refused. A file refused as a whole answers a problem details body listing why.
 */
@RestController
class ImportController {
    private final ImportJobs jobs;
    private final JsonMapper json;

    ImportController(ImportJobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping(path = "/imports/oneroster", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> oneRoster(
            @RequestParam("file") MultipartFile file,
            @RequestParam String districtId,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return accepted(jobs.submit(ImportKind.ONEROSTER, request(file, districtId, dryRun, Map.of()), open(file)));
    }

    @PostMapping(path = "/imports/attainments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> attainments(
            @RequestParam("file") MultipartFile file,
            @RequestParam String districtId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String mapping) {
        return accepted(
                jobs.submit(ImportKind.ATTAINMENTS, request(file, districtId, dryRun, mapping(mapping)), open(file)));
    }

    @GetMapping("/imports/{jobId}/problems.csv")
    ResponseEntity<byte[]> problems(@PathVariable String jobId) {
        List<ImportProblem> problems = jobs.problems(jobId);
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("file", "line", "column", "code", "message");
            for (ImportProblem p : problems) {
                csv.printRecord(
                        SpreadsheetSafe.cell(p.file()),
                        p.line(),
                        SpreadsheetSafe.cell(p.column()),
                        p.code(),
                        SpreadsheetSafe.cell(p.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + jobId + "-problems.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ImportRequest request(
            MultipartFile file, String districtId, boolean dryRun, Map<String, String> mapping) {
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : file.getOriginalFilename();
        return new ImportRequest(districtId, dryRun, name.length() > 200 ? name.substring(0, 200) : name, mapping);
    }

    private Map<String, String> mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> parsed = json.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() {});
            if (parsed == null) {
                throw new JacksonException("null") {};
            }
            return parsed;
        } catch (JacksonException e) {
            throw new ImportRefused(
                    "mapping",
                    "BAD_MAPPING",
                    "The mapping must be a JSON object from template column to your file's column name, such as"
                            + " {\"student_id\":\"Candidate ID\",\"credential\":\"Exam\",\"earned_on\":\"Test Date\"}.");
        }
    }

    private static java.io.InputStream open(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<Map<String, String>> accepted(ImportJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/imports/" + job.id())
                .body(Map.of("jobId", job.id()));
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        HttpStatus status =
                "FILE_TOO_LARGE".equals(e.code()) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(status, "The file cannot be imported", e.code(), e.getMessage());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "The file cannot be imported",
                        "FILE_TOO_LARGE",
                        "The upload is larger than this server takes (credfolio.imports.max-file-megabytes)."));
    }

    @ExceptionHandler({
        MissingServletRequestPartException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        MultipartException.class
    })
    ResponseEntity<ProblemDetail> badRequest() {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Bad upload",
                        "BAD_REQUEST",
                        "Send multipart/form-data with the file in the part 'file', and the query parameters"
                                + " districtId and dryRun=true|false (attainments also take mapping, a JSON object)."));
    }

    @ExceptionHandler(ImportJobs.ImportsBusy.class)
    ResponseEntity<ProblemDetail> busy(ImportJobs.ImportsBusy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "60")
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Imports busy", "IMPORTS_BUSY", e.getMessage()));
    }

    @ExceptionHandler(CredfolioException.class)
    ResponseEntity<ProblemDetail> invalid(CredfolioException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(problem(status, "Refused", e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "Forbidden", "FORBIDDEN", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
