package org.credfolio.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.labormarket.ParsedFile;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Loads a newer release of one labor-market file into the occupation catalog. The whole file is
 * checked before the first write, and one error refuses all of it: half a release would mix two
 * years' figures without saying so. There are no transactions, so a store failure in the middle of
 * the writes can leave part of a release applied; loading the same file again completes it.
 */
@Service
public class LaborMarketLoader {
    private final MongoOperations mongo;
    private final CatalogManagement catalog;
    private final AuditLog audit;

    LaborMarketLoader(MongoOperations mongo, CatalogManagement catalog, AuditLog audit) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public LaborMarketLoadReport load(LaborMarketFile file, String content) {
        Map<String, Occupation> current = mongo.findAll(Occupation.class).stream()
                .collect(Collectors.toMap(Occupation::socCode, Function.identity()));
        ParsedFile<?> parsed = file.read(content, current.keySet());
        if (parsed.problems().hasErrors()) {
            return LaborMarketLoadReport.refused(parsed);
        }
        OccupationChanges changes = OccupationChanges.of(parsed, current);
        write(changes);
        catalog.evictOccupations(changes.socCodes());
        LaborMarketRelease release = LaborMarketRelease.upload(
                parsed, changes, content, CurrentUsers.require().subject(), Instant.now());
        mongo.insert(release);
        audit.record(
                "labor-market.loaded",
                "LaborMarketRelease",
                release.id(),
                Map.of(
                        "file", file.name(),
                        "dataRows", release.dataRows(),
                        "occupationsUpdated", release.occupationsUpdated(),
                        "occupationsAdded", release.occupationsAdded(),
                        "occupationsCleared", release.occupationsCleared(),
                        "sha256", release.sha256()));
        return LaborMarketLoadReport.applied(parsed, changes);
    }

    /** The release each file's figures come from now: its latest load. Public. */
    public List<LaborMarketRelease> latestReleases() {
        Map<LaborMarketFile, LaborMarketRelease> latest = new LinkedHashMap<>();
        mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "loadedAt")), LaborMarketRelease.class)
                .forEach(release -> latest.putIfAbsent(release.file(), release));
        return latest.values().stream()
                .sorted(Comparator.comparing(LaborMarketRelease::file))
                .toList();
    }

    private void write(OccupationChanges changes) {
        if (!changes.added().isEmpty()) {
            mongo.insert(changes.added(), Occupation.class);
        }
        List<OccupationChanges.Change> changed = new ArrayList<>(changes.updated());
        changed.addAll(changes.cleared());
        if (!changed.isEmpty()) {
            // One round trip for a whole release instead of one per occupation.
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Occupation.class);
            changed.forEach(change -> bulk.updateOne(
                    Query.query(Criteria.where("_id").is(change.after().socCode())), change.update()));
            bulk.execute();
        }
    }
}
