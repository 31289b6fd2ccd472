package org.credfolio.catalog.labormarket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;

/**
 * O*NET-SOC codes (49-3023.01) fold to SOC codes (49-3023): the ".00" row is the SOC occupation
 * itself, so its value wins over the specialties'. O*NET describes occupations the catalog may not
 * carry; their rows are skipped with a warning, since O*NET never adds occupations.
 */
final class OnetCodes<T> {
    private final Set<String> knownSocCodes;
    private final Map<String, T> bySoc = new LinkedHashMap<>();

    OnetCodes(Set<String> knownSocCodes) {
        this.knownSocCodes = knownSocCodes;
    }

    static String socOf(String onetSocCode) {
        int dot = onetSocCode.indexOf('.');
        return dot < 0 ? onetSocCode : onetSocCode.substring(0, dot);
    }

    /** The row's well-formed code whose SOC the catalog knows, or null to skip the row. */
    String knownCode(Cells cells, Column column) {
        String code = cells.onetSocCode(column);
        if (code != null && !knownSocCodes.contains(socOf(code))) {
            cells.warning(
                    column,
                    ProblemCode.UNKNOWN_CODE,
                    "SOC " + socOf(code) + " is not an occupation of the catalog; the row is skipped.");
            return null;
        }
        return code;
    }

    void offer(String onetSocCode, T value) {
        if (onetSocCode.endsWith(".00")) {
            bySoc.put(socOf(onetSocCode), value);
        } else {
            bySoc.putIfAbsent(socOf(onetSocCode), value);
        }
    }

    Map<String, T> bySoc() {
        return bySoc;
    }
}
