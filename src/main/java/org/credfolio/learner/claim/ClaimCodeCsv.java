package org.credfolio.learner.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.credfolio.shared.csv.SpreadsheetSafe;

/**
 * Claim codes as RFC 4180 CSV ({@code student_id,name,code,expires_at}, CRLF line ends), with any
 * cell a spreadsheet would run as a formula defused by a leading apostrophe: names come from the
 * district's SIS, and "=HYPERLINK(...)" must stay text.
 */
final class ClaimCodeCsv {
    static final String[] HEADER = {"student_id", "name", "code", "expires_at"};
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private ClaimCodeCsv() {}

    static String write(List<IssuedClaimCode> codes) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (IssuedClaimCode code : codes) {
                printer.printRecord(
                        cell(code.studentId()),
                        cell(code.displayName()),
                        cell(code.code()),
                        cell(code.expiresAt().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String text) {
        return SpreadsheetSafe.cell(text);
    }
}
