package org.credfolio.catalog.regional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credfolio.catalog.labormarket.StateFile;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.security.SecretTokens;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * States' labor markets. Each state starts from the releases the project ships (BLS OEWS May 2024
 * state estimates; Projections Central 2022-2032 state projections; see NOTICE), written to the
 * store the first time the state is judged, and a PLATFORM_ADMIN replaces them with newer releases
 * file by file. Reads are cached: a state's figures change only when a release is loaded.
 */
@Service
public class RegionalLaborMarkets {
    static final String SHIPPED_WAGES = "BLS OEWS May 2024 state estimates";
    static final String SHIPPED_PROJECTIONS = "Projections Central long-term state projections 2022-2032";
    private static final String OEWS_RESOURCE = "seed/bls_state/oews_state_2024.csv";
    private static final String PROJECTIONS_RESOURCE = "seed/bls_state/projections_state_2022-2032.csv";
    private static final String POVERTY_RESOURCE = "seed/bls_state/poverty_guidelines_state_2026.csv";
    /** Twice the 2026 HHS poverty guideline for one person, by state: 52 rows, kept for good. */
    private static final Map<String, Integer> POVERTY_LINES = povertyLines();

    private final MongoOperations mongo;
    private final AuditLog audit;
    private final Map<String, Optional<RegionalLaborMarket>> cache = new ConcurrentHashMap<>();

    RegionalLaborMarkets(MongoOperations mongo, AuditLog audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /**
     * Reads the shipped files in the background once the application is up, so that the first
     * request to judge a state does not wait for them (a few seconds on a busy machine).
     */
    @EventListener(ApplicationReadyEvent.class)
    void readShippedFilesEarly() {
        Thread reader = new Thread(Shipped::files, "regional-figures-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Twice the 2026 HHS poverty guideline for one person in the state; empty for others. */
    public Optional<Integer> povertyLine(String region) {
        return Optional.ofNullable(POVERTY_LINES.get(region));
    }

    /** The state's labor market; empty for the nation and for a state no release covers. Public. */
    public Optional<RegionalLaborMarket> of(String region) {
        return cache.computeIfAbsent(region, this::readOrSeed);
    }

    /**
     * Replaces the figures of every state in the file with the file's (the other file's figures stay).
     * The whole file is checked first; one error refuses all of it.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public RegionalLoadReport load(StateFile.Kind kind, String content) {
        StateFile.Parsed parsed = StateFile.read(kind, content == null ? "" : content);
        if (parsed.problems().hasErrors()) {
            return RegionalLoadReport.of(parsed, false);
        }
        String release = "Loaded " + LocalDate.now(ZoneOffset.UTC) + " (sha256 "
                + SecretTokens.hash(content).substring(0, 12) + ")";
        for (Map.Entry<String, Map<String, StateFile.Row>> state :
                parsed.states().entrySet()) {
            RegionalLaborMarket current = of(state.getKey()).orElse(null);
            mongo.save(merge(current, state.getKey(), kind, state.getValue(), release));
            cache.remove(state.getKey());
        }
        audit.record(
                "labor-market.regional-loaded",
                "RegionalLaborMarket",
                kind.name(),
                Map.of("states", String.join(",", parsed.states().keySet()), "release", release));
        return RegionalLoadReport.of(parsed, true);
    }

    private Optional<RegionalLaborMarket> readOrSeed(String region) {
        RegionalLaborMarket stored = mongo.findById(region, RegionalLaborMarket.class);
        if (stored != null) {
            return Optional.of(stored);
        }
        StateFile.Parsed[] shipped = Shipped.files();
        Map<String, StateFile.Row> wages = shipped[0].states().get(region);
        Map<String, StateFile.Row> projections = shipped[1].states().get(region);
        if (wages == null && projections == null) {
            return Optional.empty();
        }
        RegionalLaborMarket seeded = merge(null, region, StateFile.Kind.OEWS_STATE, wages, SHIPPED_WAGES);
        seeded = merge(seeded, region, StateFile.Kind.STATE_PROJECTIONS, projections, SHIPPED_PROJECTIONS);
        try {
            mongo.insert(seeded);
        } catch (DuplicateKeyException e) {
            // Another instance or request seeded it first: the same figures.
            return Optional.ofNullable(mongo.findById(region, RegionalLaborMarket.class));
        }
        return Optional.of(seeded);
    }

    /** The state with one file's fields replaced by {@code rows}: occupations the file omits lose them. */
    private static RegionalLaborMarket merge(
            RegionalLaborMarket current,
            String region,
            StateFile.Kind kind,
            Map<String, StateFile.Row> rows,
            String release) {
        Map<String, RegionalOccupation> occupations = new HashMap<>(current == null ? Map.of() : current.occupations());
        boolean wages = kind == StateFile.Kind.OEWS_STATE;
        occupations.replaceAll((soc, o) ->
                wages ? o.withWages(o.title(), null, null, null, null) : o.withProjection(o.title(), null, null));
        if (rows != null) {
            rows.forEach((soc, row) -> {
                RegionalOccupation o = occupations.getOrDefault(soc, RegionalOccupation.NONE);
                occupations.put(
                        soc,
                        wages
                                ? o.withWages(
                                        row.title(), row.employment(), row.wageP10(), row.entryWage(), row.medianWage())
                                : o.withProjection(row.title(), row.growthPercent(), row.annualOpenings()));
            });
        }
        return new RegionalLaborMarket(
                region,
                occupations,
                wages ? release : current == null ? null : current.wageRelease(),
                wages ? (current == null ? null : current.projectionsRelease()) : release,
                Instant.now());
    }

    /**
     * The shipped state files, read on first need (about a second) and held softly: once every state
     * judged is in the store they are not needed, and the collector may take their 20 MB back.
     */
    private static final class Shipped {
        private static java.lang.ref.SoftReference<StateFile.Parsed[]> held = new java.lang.ref.SoftReference<>(null);

        static synchronized StateFile.Parsed[] files() {
            StateFile.Parsed[] files = held.get();
            if (files == null) {
                files = new StateFile.Parsed[] {
                    read(StateFile.Kind.OEWS_STATE, OEWS_RESOURCE),
                    read(StateFile.Kind.STATE_PROJECTIONS, PROJECTIONS_RESOURCE)
                };
                held = new java.lang.ref.SoftReference<>(files);
            }
            return files;
        }

        private static StateFile.Parsed read(StateFile.Kind kind, String resource) {
            StateFile.Parsed parsed = StateFile.read(kind, text(resource));
            if (parsed.problems().hasErrors()) {
                throw new IllegalStateException("Seed file " + resource + " does not validate: "
                        + parsed.problems().listed().get(0));
            }
            return parsed;
        }
    }

    private static Map<String, Integer> povertyLines() {
        Map<String, Integer> lines = new HashMap<>();
        for (Map<String, String> row : org.credfolio.catalog.labormarket.Csv.records(text(POVERTY_RESOURCE))) {
            lines.put(
                    row.get("state").strip(),
                    Integer.valueOf(row.get("fpg200_1p").strip()));
        }
        return Map.copyOf(lines);
    }

    private static String text(String resource) {
        try (InputStream in = RegionalLaborMarkets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + resource, e);
        }
    }
}
