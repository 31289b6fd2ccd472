package org.credfolio.catalog.value;

import java.util.Locale;
import java.util.Set;
import org.credfolio.shared.error.InvalidInputException;

/** Regions are the nation ({@code US}) or a state, district or territory by its USPS code. */
public final class Regions {
    public static final String NATIONAL = "US";

    private static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
            "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI",
            "AS", "MP");

    private Regions() {}

    /** The region in canonical form; {@code US} when none is named. */
    public static String require(String region, String field) {
        if (region == null || region.isBlank()) {
            return NATIONAL;
        }
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!code.equals(NATIONAL) && !STATES.contains(code)) {
            throw new InvalidInputException(
                    "UNKNOWN_REGION", field, "A region is US or a state's two-letter code, such as TX.");
        }
        return code;
    }

    /** The region of an organization's state, or the nation when it has none. */
    public static String ofState(String state) {
        return state != null && STATES.contains(state) ? state : NATIONAL;
    }
}
