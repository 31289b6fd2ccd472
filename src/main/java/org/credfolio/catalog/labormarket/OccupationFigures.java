package org.credfolio.catalog.labormarket;

import java.util.List;
import org.credfolio.catalog.Occupation;

/** What one labor-market file says about one occupation (SOC code). */
public interface OccupationFigures {
    String socCode();

    /** The occupation with this file's fields replaced, every other field as it was. */
    Occupation applyTo(Occupation occupation);

    /** An occupation the catalog does not have yet, carrying only these figures. */
    default Occupation asNewOccupation() {
        return applyTo(new Occupation(socCode(), null, null, null, null, null, null, null, null, null, List.of()));
    }

    /** OEWS: the title, national median and 25th percentile annual wages (null where not published). */
    record Wage(String socCode, String title, Integer medianAnnualWage, Integer entryAnnualWage)
            implements OccupationFigures {
        @Override
        public Occupation applyTo(Occupation occupation) {
            return occupation.withTitle(title).withWages(medianAnnualWage, entryAnnualWage);
        }
    }

    /**
     * Employment Projections. Their titles are in sentence case with alternate titles appended, so
     * they name an occupation only when nothing else does.
     */
    record Projection(
            String socCode,
            String title,
            Integer annualOpenings,
            Double growthPercent,
            String typicalEducation,
            String workExperience)
            implements OccupationFigures {
        @Override
        public Occupation applyTo(Occupation occupation) {
            Occupation named = occupation.title() == null ? occupation.withTitle(title) : occupation;
            return named.withProjection(annualOpenings, growthPercent, typicalEducation, workExperience);
        }
    }

    /** O*NET occupation data; the title serves the seed, where BLS gives none. */
    record OnetOccupation(String socCode, String title, String description) implements OccupationFigures {
        @Override
        public Occupation applyTo(Occupation occupation) {
            return occupation.withDescription(description);
        }
    }

    /** O*NET job zone, 1 (little preparation) to 5 (extensive). */
    record JobZone(String socCode, int zone) implements OccupationFigures {
        @Override
        public Occupation applyTo(Occupation occupation) {
            return occupation.withJobZone(zone);
        }
    }

    /** O*NET career clusters, distinct, in file order. */
    record CareerClusters(String socCode, List<String> names) implements OccupationFigures {
        @Override
        public Occupation applyTo(Occupation occupation) {
            return occupation.withCareerClusters(names);
        }
    }
}
