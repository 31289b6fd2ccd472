package org.credfolio.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** National wage and demand figures from the two BLS files, keyed by SOC code. */
final class BlsSeed {
    /** OEWS prints '#' where a wage is at or above this top-coding threshold (May 2024 release). */
    static final int TOP_CODED_ANNUAL_WAGE = 239_200;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    static final String OEWS_FILE = "bls/oews_national_may2024.csv";
    static final String PROJECTIONS_FILE = "bls/employment_projections_2024_2034.csv";

    private BlsSeed() {}

    record Wage(String title, Integer medianAnnualWage) {}

    record Projection(String title, Integer annualOpenings, Double growthPercent, String typicalEducation) {}

    /** Detailed occupations only: major, minor and broad groups would double count. */
    static Map<String, Wage> wages(List<Map<String, String>> oewsRows) {
        Map<String, Wage> wages = new LinkedHashMap<>();
        for (Map<String, String> row : oewsRows) {
            if ("detailed".equals(row.get("O_GROUP"))) {
                wages.put(
                        row.get("OCC_CODE").strip(),
                        new Wage(row.get("OCC_TITLE").strip(), annualWage(row.get("A_MEDIAN"))));
            }
        }
        return wages;
    }

    static Map<String, Projection> projections(List<Map<String, String>> projectionRows) {
        Map<String, Projection> projections = new LinkedHashMap<>();
        for (Map<String, String> row : projectionRows) {
            projections.put(
                    row.get("Occupation Code").strip(),
                    new Projection(
                            title(row.get("Occupation Title")),
                            openings(row.get("Occupational Openings, 2024-2034 Annual Average")),
                            number(row.get("Employment Percent Change, 2024-2034")),
                            blankToNull(row.get("Typical Entry-Level Education"))));
        }
        return projections;
    }

    /** '#' is top-coded (stored as the threshold, a lower bound); '*' and blanks are not published. */
    static Integer annualWage(String cell) {
        String value = cell == null ? "" : cell.strip();
        if (value.equals("#")) {
            return TOP_CODED_ANNUAL_WAGE;
        }
        Double number = number(value);
        return number == null ? null : (int) Math.round(number);
    }

    /** Projections titles carry alternate titles after '*' markers; the first part is the title. */
    static String title(String cell) {
        int star = cell.indexOf('*');
        return (star < 0 ? cell : cell.substring(0, star)).strip();
    }

    /** The file states openings in thousands; exact decimal arithmetic avoids 189.1 -> 189099. */
    static Integer openings(String cell) {
        String value = digits(cell);
        if (value == null) {
            return null;
        }
        return new BigDecimal(value)
                .movePointRight(3)
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** A number with thousands separators, or null for "N/A", "*", "—" and blanks. */
    static Double number(String cell) {
        String value = digits(cell);
        return value == null ? null : Double.valueOf(value);
    }

    private static String digits(String cell) {
        String value = cell == null ? "" : cell.replace(",", "").strip();
        return NUMBER.matcher(value).matches() ? value : null;
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
