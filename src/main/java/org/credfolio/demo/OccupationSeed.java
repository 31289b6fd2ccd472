package org.credfolio.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.credfolio.catalog.Occupation;

/**
 * The occupation catalog with its labor-market figures, built from the BLS and O*NET seed files:
 * every SOC code that OEWS publishes as a detailed occupation or that the Projections list.
 */
final class OccupationSeed {
    private OccupationSeed() {}

    static List<Occupation> load() {
        return build(
                BlsSeed.wages(SeedFiles.csv(BlsSeed.OEWS_FILE)),
                BlsSeed.projections(SeedFiles.csv(BlsSeed.PROJECTIONS_FILE)),
                OnetSeed.facts(
                        SeedFiles.tabSeparated(OnetSeed.OCCUPATIONS_FILE),
                        SeedFiles.tabSeparated(OnetSeed.JOB_ZONES_FILE),
                        SeedFiles.csv(OnetSeed.CLUSTERS_FILE)));
    }

    static List<Occupation> build(
            Map<String, BlsSeed.Wage> wages, Map<String, BlsSeed.Projection> projections, OnetSeed.Facts onet) {
        TreeSet<String> socCodes = new TreeSet<>(wages.keySet());
        socCodes.addAll(projections.keySet());
        List<Occupation> occupations = new ArrayList<>(socCodes.size());
        for (String soc : socCodes) {
            occupations.add(occupation(soc, wages.get(soc), projections.get(soc), onet));
        }
        return occupations;
    }

    private static Occupation occupation(
            String soc, BlsSeed.Wage wage, BlsSeed.Projection projection, OnetSeed.Facts onet) {
        return new Occupation(
                soc,
                title(soc, wage, projection, onet),
                onet.descriptions().get(soc),
                wage == null ? null : wage.medianAnnualWage(),
                projection == null ? null : projection.annualOpenings(),
                projection == null ? null : projection.growthPercent(),
                onet.jobZones().get(soc),
                projection == null ? null : projection.typicalEducation(),
                onet.careerClusters().getOrDefault(soc, List.of()));
    }

    /** OEWS and O*NET titles are in title case; Projections titles are in sentence case. */
    private static String title(String soc, BlsSeed.Wage wage, BlsSeed.Projection projection, OnetSeed.Facts onet) {
        if (wage != null) {
            return wage.title();
        }
        String onetTitle = onet.titles().get(soc);
        return onetTitle != null ? onetTitle : projection.title();
    }
}
