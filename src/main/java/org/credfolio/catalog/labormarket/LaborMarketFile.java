package org.credfolio.catalog.labormarket;

import java.util.Set;
import org.credfolio.catalog.Occupation;

/** The five public files whose figures the occupation catalog carries. */
public enum LaborMarketFile {
    OEWS_NATIONAL,
    EMPLOYMENT_PROJECTIONS,
    ONET_OCCUPATIONS,
    ONET_JOB_ZONES,
    ONET_CAREER_CLUSTERS;

    /**
     * The BLS files list every occupation they publish figures for: a release adds the occupations
     * new to it and withdraws the figures of those it no longer lists. O*NET files only describe
     * occupations the catalog has.
     */
    public boolean coversEveryOccupation() {
        return this == OEWS_NATIONAL || this == EMPLOYMENT_PROJECTIONS;
    }

    /** Reads and checks the file; {@code knownSocCodes} are the catalog's occupations, for O*NET rows. */
    public ParsedFile<? extends OccupationFigures> read(String content, Set<String> knownSocCodes) {
        return switch (this) {
            case OEWS_NATIONAL -> OewsNationalFile.read(content);
            case EMPLOYMENT_PROJECTIONS -> EmploymentProjectionsFile.read(content);
            case ONET_OCCUPATIONS -> OnetOccupationsFile.read(content, knownSocCodes);
            case ONET_JOB_ZONES -> OnetJobZonesFile.read(content, knownSocCodes);
            case ONET_CAREER_CLUSTERS -> OnetCareerClustersFile.read(content, knownSocCodes);
        };
    }

    /** The occupation once this file no longer publishes figures for it (the title stays). */
    public Occupation withoutFigures(Occupation occupation) {
        return switch (this) {
            case OEWS_NATIONAL -> occupation.withWages(null, null);
            case EMPLOYMENT_PROJECTIONS -> occupation.withProjection(null, null, null, null);
            case ONET_OCCUPATIONS, ONET_JOB_ZONES, ONET_CAREER_CLUSTERS -> occupation;
        };
    }
}
