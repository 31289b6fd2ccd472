package org.credfolio.catalog.regional;

import java.util.List;
import org.credfolio.catalog.labormarket.FileProblem;
import org.credfolio.catalog.labormarket.StateFile;

/**
 * The outcome of loading a state file.
 *
 * @param applied false when the file had any error: then nothing was written
 * @param states the states whose figures the file replaced
 */
public record RegionalLoadReport(
        boolean applied,
        StateFile.Kind file,
        int dataRows,
        List<String> states,
        int problemCount,
        int errorCount,
        List<FileProblem> problems) {

    static RegionalLoadReport of(StateFile.Parsed parsed, boolean applied) {
        return new RegionalLoadReport(
                applied,
                parsed.kind(),
                parsed.dataRows(),
                applied ? List.copyOf(parsed.states().keySet()) : List.of(),
                parsed.problems().count(),
                parsed.problems().errorCount(),
                parsed.problems().listed());
    }
}
