package org.credfolio.catalog.labormarket;

import java.util.Map;
import org.credfolio.catalog.labormarket.FileProblem.Severity;

/**
 * A labor-market file read and checked: the figures of its valid rows by SOC code, and every
 * problem found. Nothing of it may be applied while {@code problems().hasErrors()}.
 *
 * @param dataRows rows after the header
 */
public record ParsedFile<T extends OccupationFigures>(
        LaborMarketFile file, int dataRows, Map<String, T> figures, FileProblems problems) {

    /** For the shipped seed files, where an error is a bug in the build rather than bad input. */
    public ParsedFile<T> requireNoErrors(String name) {
        problems.listed().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .findFirst()
                .ifPresent(p -> {
                    throw new IllegalStateException("Seed file " + name + " does not validate: " + p);
                });
        return this;
    }
}
