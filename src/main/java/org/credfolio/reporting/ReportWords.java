package org.credfolio.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.credfolio.awards.FeePayer;
import org.credfolio.catalog.value.ValueTier;
import org.credfolio.learner.Demographics;

/**
 * The words and number formats of the printable report pages, so a school board reads "High value",
 * "$5,935" and "12.5%" rather than enum names and raw figures. The CSV downloads keep the codes.
 */
final class ReportWords {
    private static final String YES = "YES";
    private static final String NO = "NO";

    private ReportWords() {}

    static String tier(ValueTier tier) {
        if (tier == null) {
            return "Not classified";
        }
        return switch (tier) {
            case HIGH_VALUE -> "High value";
            case LOW_WAGE -> "In demand, low entry pay";
            case LIMITED_DEMAND -> "Pays enough, few openings";
            case LOW_VALUE -> "Low value";
            case PATHWAY_ONLY -> "Pathway only (needs more education first)";
            case CAREER_READINESS -> "Career readiness";
            case NOT_CLASSIFIED -> "Not classified";
        };
    }

    /** A colour per tier, each at least 3:1 against white so bars and swatches stand out. */
    static String colour(ValueTier tier) {
        if (tier == null) {
            return "#5f6b7a";
        }
        return switch (tier) {
            case HIGH_VALUE -> "#276749";
            case LOW_WAGE -> "#975a16";
            case LIMITED_DEMAND -> "#2b6cb0";
            case LOW_VALUE -> "#c53030";
            case PATHWAY_ONLY -> "#6b46c1";
            case CAREER_READINESS -> "#2c7a7b";
            case NOT_CLASSIFIED -> "#5f6b7a";
        };
    }

    static String recommendation(Recommendation recommendation) {
        return switch (recommendation) {
            case KEEP -> "Keep";
            case REVIEW -> "Review";
            case PHASE_OUT -> "Phase out";
        };
    }

    static String colour(Recommendation recommendation) {
        return switch (recommendation) {
            case KEEP -> "#276749";
            case REVIEW -> "#975a16";
            case PHASE_OUT -> "#c53030";
        };
    }

    static String payer(FeePayer payer) {
        return switch (payer) {
            case DISTRICT -> "District";
            case STATE_GRANT -> "State grant";
            case PERKINS -> "Perkins V (federal)";
            case FAMILY -> "Family";
            case WAIVED -> "Fee waived";
            case OTHER -> "Other source";
        };
    }

    /** An equity dimension, as the aggregation names it (for example {@code raceEthnicity}). */
    static String dimension(String dimension) {
        return switch (dimension) {
            case "raceEthnicity" -> "Race and ethnicity";
            case "gender" -> "Gender";
            case "economicallyDisadvantaged" -> "Economic disadvantage";
            case "englishLearner" -> "English learners";
            case "disability" -> "Disability";
            case "cteParticipant" -> "Career and technical education (CTE)";
            default -> humanize(dimension);
        };
    }

    /** One learner group within a dimension: a demographics code, or YES / NO / NOT_REPORTED. */
    static String group(String dimension, String group) {
        if (group == null) {
            return "Not reported";
        }
        if (group.equals("ALL")) {
            return "All learners";
        }
        if (group.equals("NOT_REPORTED")) {
            return "Not reported";
        }
        switch (dimension) {
            case "raceEthnicity":
                for (Demographics.RaceEthnicity race : Demographics.RaceEthnicity.values()) {
                    if (race.name().equals(group)) {
                        return race(race);
                    }
                }
                break;
            case "gender":
                for (Demographics.Gender gender : Demographics.Gender.values()) {
                    if (gender.name().equals(group)) {
                        return gender(gender);
                    }
                }
                break;
            case "economicallyDisadvantaged":
                return yesNo(group, "Economically disadvantaged", "Not economically disadvantaged");
            case "englishLearner":
                return yesNo(group, "English learner", "Not an English learner");
            case "disability":
                return yesNo(group, "With a disability", "Without a disability");
            case "cteParticipant":
                return yesNo(group, "In a CTE program of study", "Not in a CTE program of study");
            default:
                break;
        }
        return humanize(group);
    }

    static String race(Demographics.RaceEthnicity race) {
        return switch (race) {
            case AMERICAN_INDIAN_OR_ALASKA_NATIVE -> "American Indian or Alaska Native";
            case ASIAN -> "Asian";
            case BLACK_OR_AFRICAN_AMERICAN -> "Black or African American";
            case HISPANIC_OR_LATINO -> "Hispanic or Latino";
            case NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER -> "Native Hawaiian or Other Pacific Islander";
            case WHITE -> "White";
            case TWO_OR_MORE_RACES -> "Two or more races";
        };
    }

    static String gender(Demographics.Gender gender) {
        return switch (gender) {
            case FEMALE -> "Female";
            case MALE -> "Male";
            case NONBINARY -> "Nonbinary";
            case NOT_REPORTED -> "Not reported";
        };
    }

    private static String yesNo(String group, String yes, String no) {
        return group.equals(YES) ? yes : group.equals(NO) ? no : humanize(group);
    }

    /** A fallback for a code with no words yet: {@code SOME_CODE} or {@code someCode} as "Some code". */
    static String humanize(String code) {
        String spaced =
                code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A count with thousands separators: 12,345. */
    static String count(Number n) {
        return n == null ? "" : NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** A count and its noun: "1 earner", "1,204 earners". */
    static String count(Number n, String one, String many) {
        return count(n) + " " + (n != null && n.longValue() == 1 ? one : many);
    }

    /** Money in whole US dollars with thousands separators: $5,935. */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal whole = amount.setScale(0, RoundingMode.HALF_UP);
        return (whole.signum() < 0 ? "-$" : "$")
                + NumberFormat.getIntegerInstance(Locale.US).format(whole.abs());
    }

    /** A percentage with one decimal: 12.5%. */
    static String percent(Number percent) {
        return percent == null ? "" : String.format(Locale.US, "%,.1f%%", percent.doubleValue());
    }

    /** A difference in percentage points, signed: +1.2 pts. */
    static String points(Number gap) {
        return gap == null ? "" : String.format(Locale.US, "%+,.1f pts", gap.doubleValue());
    }

    /** A rate with one decimal and separators: 1,234.5. */
    static String decimal(Number value) {
        return value == null ? "" : String.format(Locale.US, "%,.1f", value.doubleValue());
    }
}
