package org.credfolio.imports.oneroster;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.credfolio.imports.CsvFiles;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Demographics.Gender;
import org.credfolio.learner.Demographics.RaceEthnicity;

/** How OneRoster's values become Credfolio's: grades, race and ethnicity flags, sex, the district's flags. */
final class RosterValues {
    /** The five race flags of demographics.csv, in the binding's order. */
    private static final List<String> RACE_COLUMNS = List.of(
            "americanIndianOrAlaskaNative",
            "asian",
            "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander",
            "white");

    private static final List<RaceEthnicity> RACES = List.of(
            RaceEthnicity.AMERICAN_INDIAN_OR_ALASKA_NATIVE,
            RaceEthnicity.ASIAN,
            RaceEthnicity.BLACK_OR_AFRICAN_AMERICAN,
            RaceEthnicity.NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER,
            RaceEthnicity.WHITE);

    /** The district's own flags, as OneRoster extension columns of demographics.csv. */
    static final String ECONOMICALLY_DISADVANTAGED = "metadata.economicallyDisadvantaged";

    static final String ENGLISH_LEARNER = "metadata.englishLearner";
    static final String DISABILITY = "metadata.disability";
    static final String GRADUATION_YEAR = "metadata.graduationYear";

    private RosterValues() {}

    /** A cell that cannot be read; the row is refused naming the column. */
    static final class BadValue extends RuntimeException {
        private final String column;

        BadValue(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /**
     * The school year that ends in the returned calendar year, when no academicSessions.csv says:
     * the one ending the next July (from August on, next year's).
     */
    static int defaultSchoolYearEnd(LocalDate today) {
        return today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
    }

    /**
     * The grade level of a OneRoster {@code grades} cell (CEDS Entry Grade Level codes, a list
     * separated by commas): {@code KG} is 0, {@code 01}..{@code 12} are 1..12; other codes
     * ({@code PK}, {@code 13}, {@code PS}, {@code UG}, {@code Other}, ...) have no graduation year.
     * The first usable code counts.
     *
     * @return the grade, or null when none is usable
     */
    static Integer grade(String grades) {
        if (grades == null) {
            return null;
        }
        for (String code : grades.split("[,;]")) {
            String c = code.strip().toUpperCase(Locale.ROOT);
            if (c.equals("KG") || c.equals("K")) {
                return 0;
            }
            if (c.matches("\\d{1,2}")) {
                int g = Integer.parseInt(c);
                if (g >= 1 && g <= 12) {
                    return g;
                }
            }
        }
        return null;
    }

    /** A learner in grade {@code grade} in the school year ending {@code schoolYearEnd} graduates after grade 12. */
    static int graduationYear(int schoolYearEnd, int grade) {
        return schoolYearEnd + (12 - grade);
    }

    /**
     * The learner's demographics from a demographics.csv row; null when the row reports nothing.
     *
     * <p>Race and ethnicity follow the federal rule: Hispanic or Latino of any race first; otherwise
     * two or more races when more than one flag (or {@code demographicRaceTwoOrMoreRaces}) is true;
     * otherwise the one race flagged; none flagged is not reported. Birth date and place are not
     * stored: Credfolio keeps no such data.
     */
    static Demographics demographics(CsvFiles.Row row) {
        RaceEthnicity race = null;
        if (Boolean.TRUE.equals(flag(row, "hispanicOrLatinoEthnicity"))) {
            race = RaceEthnicity.HISPANIC_OR_LATINO;
        }
        int flagged = 0;
        RaceEthnicity only = null;
        for (int i = 0; i < RACE_COLUMNS.size(); i++) {
            if (Boolean.TRUE.equals(flag(row, RACE_COLUMNS.get(i)))) {
                flagged++;
                only = RACES.get(i);
            }
        }
        boolean twoOrMore = Boolean.TRUE.equals(flag(row, "demographicRaceTwoOrMoreRaces")) || flagged > 1;
        if (race == null) {
            race = twoOrMore ? RaceEthnicity.TWO_OR_MORE_RACES : only;
        }
        Demographics d = new Demographics(
                race,
                gender(row.get("sex")),
                flag(row, ECONOMICALLY_DISADVANTAGED),
                flag(row, ENGLISH_LEARNER),
                flag(row, DISABILITY));
        boolean empty = d.raceEthnicity() == null
                && d.gender() == null
                && d.economicallyDisadvantaged() == null
                && d.englishLearner() == null
                && d.disability() == null;
        return empty ? null : d;
    }

    /**
     * OneRoster 1.2 {@code sex}: {@code female}, {@code male}, {@code unspecified} (not reported) or
     * {@code other}. {@code other} is the SIS's reported value that is neither female nor male; it
     * becomes NONBINARY, Credfolio's one reported category besides those two (the federal "X"
     * category), rather than NOT_REPORTED, which would count a reported value as missing.
     */
    static Gender gender(String sex) {
        if (sex == null) {
            return null;
        }
        switch (sex.strip().toLowerCase(Locale.ROOT)) {
            case "female":
            case "f":
                return Gender.FEMALE;
            case "male":
            case "m":
                return Gender.MALE;
            case "unspecified":
                return Gender.NOT_REPORTED;
            case "other":
                return Gender.NONBINARY;
            default:
                throw new BadValue(
                        "sex", "'" + sex + "' is not a OneRoster sex; use female, male, unspecified or other.");
        }
    }

    /** A true/false cell; null when empty. */
    static Boolean flag(CsvFiles.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
            case "y":
                return Boolean.TRUE;
            case "false":
            case "0":
            case "no":
            case "n":
                return Boolean.FALSE;
            default:
                throw new BadValue(column, column + " is '" + value + "'; it must be true or false.");
        }
    }
}
