package org.credfolio.catalog;

import java.util.List;
import org.credfolio.catalog.labormarket.FileProblem;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.labormarket.ParsedFile;

/**
 * The answer to a load: whether the file was applied, what it changed, and what is wrong with it.
 * A refused file is an expected outcome the caller must see in full, so it is a report, not an error.
 *
 * @param problems the first {@value org.credfolio.catalog.labormarket.FileProblems#LISTED_AT_MOST}
 *     problems, errors first; {@code problemCount} counts them all
 */
public record LaborMarketLoadReport(
        boolean applied,
        LaborMarketFile file,
        int dataRows,
        int occupationsUpdated,
        int occupationsAdded,
        int occupationsCleared,
        int problemCount,
        int errorCount,
        List<FileProblem> problems) {

    static LaborMarketLoadReport refused(ParsedFile<?> parsed) {
        return new LaborMarketLoadReport(
                false,
                parsed.file(),
                parsed.dataRows(),
                0,
                0,
                0,
                parsed.problems().count(),
                parsed.problems().errorCount(),
                parsed.problems().listed());
    }

    static LaborMarketLoadReport applied(ParsedFile<?> parsed, OccupationChanges changes) {
        return new LaborMarketLoadReport(
                true,
                parsed.file(),
                parsed.dataRows(),
                changes.updated().size(),
                changes.added().size(),
                changes.cleared().size(),
                parsed.problems().count(),
                parsed.problems().errorCount(),
                parsed.problems().listed());
    }
}
