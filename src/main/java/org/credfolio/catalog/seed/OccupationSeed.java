package org.credfolio.catalog.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.credfolio.catalog.LaborMarketRelease;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.labormarket.EmploymentProjectionsFile;
import org.credfolio.catalog.labormarket.OccupationFigures;
import org.credfolio.catalog.labormarket.OccupationFigures.CareerClusters;
import org.credfolio.catalog.labormarket.OccupationFigures.JobZone;
import org.credfolio.catalog.labormarket.OccupationFigures.OnetOccupation;
import org.credfolio.catalog.labormarket.OccupationFigures.Projection;
import org.credfolio.catalog.labormarket.OccupationFigures.Wage;
import org.credfolio.catalog.labormarket.OewsNationalFile;
import org.credfolio.catalog.labormarket.OnetCareerClustersFile;
import org.credfolio.catalog.labormarket.OnetJobZonesFile;
import org.credfolio.catalog.labormarket.OnetOccupationsFile;
import org.credfolio.catalog.labormarket.ParsedFile;

/**
 * The occupation catalog with its labor-market figures, built from the BLS and O*NET seed files
 * through the same readers (and checks) as a release loaded later: every SOC code that OEWS
 * publishes as a detailed occupation or that the Projections list.
 */
public final class OccupationSeed {
    static final String OEWS_FILE = "bls/oews_national_may2024.csv";
    static final String PROJECTIONS_FILE = "bls/employment_projections_2024_2034.csv";
    static final String ONET_OCCUPATIONS_FILE = "onet/occupation_data.txt";
    static final String ONET_JOB_ZONES_FILE = "onet/job_zones.txt";
    static final String ONET_CLUSTERS_FILE = "onet/career_clusters.csv";

    private OccupationSeed() {}

    /** The occupations, and one release per seed file saying where their figures come from. */
    public record Seed(List<Occupation> occupations, List<LaborMarketRelease> releases) {}

    private record Files(
            ParsedFile<Wage> wages,
            ParsedFile<Projection> projections,
            ParsedFile<OnetOccupation> onet,
            ParsedFile<JobZone> jobZones,
            ParsedFile<CareerClusters> clusters) {}

    public static Seed load(Instant now) {
        List<LaborMarketRelease> releases = new ArrayList<>();
        ParsedFile<Wage> wages = read(OEWS_FILE, OewsNationalFile::read, releases, now);
        ParsedFile<Projection> projections = read(PROJECTIONS_FILE, EmploymentProjectionsFile::read, releases, now);
        Set<String> socCodes = new TreeSet<>(wages.figures().keySet());
        socCodes.addAll(projections.figures().keySet());
        Files files = new Files(
                wages,
                projections,
                read(ONET_OCCUPATIONS_FILE, c -> OnetOccupationsFile.read(c, socCodes), releases, now),
                read(ONET_JOB_ZONES_FILE, c -> OnetJobZonesFile.read(c, socCodes), releases, now),
                read(ONET_CLUSTERS_FILE, c -> OnetCareerClustersFile.read(c, socCodes), releases, now));
        List<Occupation> occupations = new ArrayList<>(socCodes.size());
        socCodes.forEach(soc -> occupations.add(occupation(soc, files)));
        return new Seed(occupations, releases);
    }

    private static <T extends OccupationFigures> ParsedFile<T> read(
            String path, Function<String, ParsedFile<T>> reader, List<LaborMarketRelease> releases, Instant now) {
        String content = SeedFiles.read(path);
        ParsedFile<T> parsed = reader.apply(content).requireNoErrors(path);
        releases.add(LaborMarketRelease.seed(parsed, path, content, now));
        return parsed;
    }

    private static Occupation occupation(String soc, Files files) {
        Occupation occupation = new Occupation(soc, null, null, null, null, null, null, null, null, null, List.of());
        occupation = apply(files.wages().figures().get(soc), occupation);
        OnetOccupation onet = files.onet().figures().get(soc);
        if (occupation.title() == null && onet != null) {
            // O*NET titles are in title case like OEWS's; the Projections' are in sentence case.
            occupation = occupation.withTitle(onet.title());
        }
        occupation = apply(files.projections().figures().get(soc), occupation);
        occupation = apply(onet, occupation);
        occupation = apply(files.jobZones().figures().get(soc), occupation);
        return apply(files.clusters().figures().get(soc), occupation);
    }

    private static Occupation apply(OccupationFigures figures, Occupation occupation) {
        return figures == null ? occupation : figures.applyTo(occupation);
    }
}
