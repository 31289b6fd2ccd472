package org.credfolio.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.shared.store.RandomIds;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Import jobs: an upload is checked as a whole first (a file that cannot be imported is refused
 * with its problems and nothing is written), then applied in the background. OneRoster files are
 * for a district's registrars and district admins; attainment files for registrars, whose rights
 * the job then uses row by row. Jobs and their problems are visible to the district's registrars and
 * district admins and to the uploader's own organization.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportJobs {
    static final String UPLOAD_SUFFIX = ".upload";

    private final MongoOperations mongo;
    private final OrganizationManagement organizations;
    private final ImportRunner runner;
    private final ImportProperties properties;
    private final Map<ImportKind, ImportProcessor> processors = new EnumMap<>(ImportKind.class);

    ImportJobs(
            MongoOperations mongo,
            OrganizationManagement organizations,
            ImportRunner runner,
            ImportProperties properties,
            List<ImportProcessor> processors) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.runner = runner;
        this.properties = properties;
        processors.forEach(p -> this.processors.put(p.kind(), p));
    }

    /**
     * Takes an upload: stores it, checks it whole, and queues its job.
     *
     * @throws ImportRefused when the file cannot be imported at all; nothing is written
     * @throws ImportsBusy when too many uploads already wait on this instance
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public ImportJob submit(ImportKind kind, ImportRequest request, InputStream file) {
        CurrentUser user = CurrentUsers.require();
        requireMayImport(kind, user, request.districtId());
        ImportProcessor processor = processors.get(kind);
        String jobId = RandomIds.withPrefix("import");
        Path upload = store(jobId, file);
        try {
            long rows = processor.inspect(upload, request);
            Instant now = Instant.now();
            ImportJob job = mongo.insert(new ImportJob(
                    jobId,
                    request.districtId(),
                    kind,
                    request.dryRun(),
                    ImportState.QUEUED,
                    request.fileName(),
                    user.subject(),
                    user.organizationId(),
                    rows,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null,
                    now,
                    null,
                    null,
                    now));
            try {
                runner.enqueue(
                        job,
                        upload,
                        request,
                        processor,
                        SecurityContextHolder.getContext().getAuthentication());
            } catch (RejectedExecutionException e) {
                mongo.remove(job);
                throw new ImportsBusy(properties.maxWaiting());
            }
            return job;
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public ImportJob get(String id) {
        ImportJob job = mongo.findById(id, ImportJob.class);
        if (job == null || !mayRead(CurrentUsers.require(), job)) {
            // The same answer either way: job ids of other districts are not confirmed to exist.
            throw new NotFoundException("IMPORT_JOB_NOT_FOUND", "No import job " + id + " that you may see.");
        }
        return job;
    }

    /** A district's jobs, newest first. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Window<ImportJob> list(String districtId, ScrollSubrange page) {
        CurrentUser user = CurrentUsers.require();
        Query query = Query.query(Criteria.where("districtId").is(districtId));
        if (!user.belongsTo(districtId)) {
            requireWithinDistrict(user, districtId);
            query.addCriteria(Criteria.where("submitterOrganization").is(user.organizationId()));
        }
        query.with(Sort.by(Sort.Direction.DESC, "createdAt", "id"))
                .limit(PageRequests.size(page))
                .with(PageRequests.position(page));
        return mongo.scroll(query, ImportJob.class);
    }

    /** The job's listed problems in file order (at most {@value ImportLedger#PROBLEMS_LISTED_AT_MOST}). */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public List<ImportProblem> problems(String jobId) {
        get(jobId);
        List<String> chunkIds = IntStream.range(0, ImportLedger.PROBLEMS_LISTED_AT_MOST / ProblemChunk.SIZE)
                .mapToObj(n -> ProblemChunk.id(jobId, n))
                .toList();
        List<ProblemChunk> chunks =
                new ArrayList<>(mongo.find(Query.query(Criteria.where("_id").in(chunkIds)), ProblemChunk.class));
        chunks.sort((a, b) -> Integer.compare(chunkNumber(a), chunkNumber(b)));
        List<ImportProblem> problems = new ArrayList<>(
                chunks.stream().flatMap(c -> c.problems().stream()).toList());
        // File by file as the job met them, each in line order (rows finish a little out of order).
        Map<String, Integer> fileOrder = new java.util.HashMap<>();
        problems.forEach(p -> fileOrder.putIfAbsent(String.valueOf(p.file()), fileOrder.size()));
        problems.sort(java.util.Comparator.comparing((ImportProblem p) -> fileOrder.get(String.valueOf(p.file())))
                .thenComparingLong(ImportProblem::line));
        return problems;
    }

    private static int chunkNumber(ProblemChunk chunk) {
        return Integer.parseInt(chunk.id().substring(chunk.id().lastIndexOf(':') + 1));
    }

    private void requireMayImport(ImportKind kind, CurrentUser user, String districtId) {
        Organization district = organizations
                .find(districtId)
                .filter(o -> o.type() == OrganizationType.DISTRICT)
                .orElseThrow(() -> new InvalidInputException(
                        "DISTRICT_NOT_FOUND", "districtId", "No district " + districtId + "."));
        if (kind == ImportKind.ONEROSTER && !user.belongsTo(district.id())) {
            throw new AccessDeniedException(
                    "Only the district's own registrars and district admins load its OneRoster files.");
        }
        if (kind == ImportKind.ATTAINMENTS && !user.is(Role.REGISTRAR)) {
            throw new AccessDeniedException("Only registrars record credentials.");
        }
        requireWithinDistrict(user, district.id());
    }

    private void requireWithinDistrict(CurrentUser user, String districtId) {
        boolean within = user.belongsTo(districtId)
                || organizations
                        .find(user.organizationId())
                        .map(org -> org.isOrIsWithin(districtId))
                        .orElse(false);
        if (!within) {
            throw new AccessDeniedException("That district is not yours.");
        }
    }

    private boolean mayRead(CurrentUser user, ImportJob job) {
        return (user.belongsTo(job.districtId()) || user.belongsTo(job.submitterOrganization()));
    }

    private Path store(String jobId, InputStream file) {
        try {
            Files.createDirectories(properties.directory());
            Path upload = properties.directory().resolve(jobId + UPLOAD_SUFFIX);
            try (InputStream in = file) {
                Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(upload) > properties.maxFileBytes()) {
                delete(upload);
                throw new ImportRefused(
                        "upload",
                        "FILE_TOO_LARGE",
                        "The file is larger than " + properties.maxFileMegabytes()
                                + " MiB; split it into smaller files.");
            }
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload", e);
        }
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            // Left behind: removed when the instance next starts.
        }
    }

    /** Too many uploads wait already; the caller should try again shortly. */
    public static class ImportsBusy extends RuntimeException {
        ImportsBusy(int waiting) {
            super("" + waiting + " imports are already waiting on this server; try again in a few minutes.");
        }
    }
}
