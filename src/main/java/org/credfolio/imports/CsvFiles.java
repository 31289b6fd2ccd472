package org.credfolio.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads uploaded CSV files the way the field writes them (RFC 4180, a header row, UTF-8 with or
 * without a byte order mark), streamed record by record, and refuses what is not that with a reason
 * a registrar can act on: a spreadsheet saved in another encoding, a zip or a workbook sent as CSV,
 * unbalanced quotes, repeated column names, too many rows.
 */
public final class CsvFiles {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvFiles() {}

    /** One data record and its line number (the header is line 1). */
    public record Row(long line, CSVRecord record) {
        /** The cell of this column, trimmed; null when the column is absent or the cell empty. */
        public String get(String column) {
            if (column == null || !record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column).strip();
            return value.isEmpty() ? null : value;
        }
    }

    /** Reads the header only, refusing a file that is not UTF-8 CSV text. */
    public static List<String> header(InputStream in, String file) {
        try (CSVParser parser = open(in, file)) {
            return new ArrayList<>(parser.getHeaderNames());
        } catch (IOException e) {
            throw notCsv(file, e);
        }
    }

    /**
     * Streams every data record to {@code each}, refusing the file as a whole when it turns out not
     * to be CSV, not UTF-8, or longer than {@code maxRows}.
     *
     * @return the number of data records
     */
    public static long read(InputStream in, String file, long maxRows, Consumer<Row> each) {
        long rows = 0;
        try (CSVParser parser = open(in, file)) {
            for (CSVRecord record : parser) {
                rows++;
                if (rows > maxRows) {
                    throw new ImportRefused(
                            file,
                            "TOO_MANY_ROWS",
                            file + " has more than " + maxRows + " rows, the most one import takes; split it.");
                }
                each.accept(new Row(record.getRecordNumber() + 1, record));
            }
            return rows;
        } catch (UncheckedIOException e) {
            throw notCsv(file, e.getCause());
        } catch (IOException e) {
            throw notCsv(file, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ImportRefused(
                    file,
                    "NOT_CSV",
                    file + " is not a well-formed CSV file near row " + (rows + 2) + ": a quote is"
                            + " not closed or a row is broken.");
        }
    }

    private static CSVParser open(InputStream raw, String file) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(4);
        byte[] start = in.readNBytes(4);
        in.reset();
        refuseBinary(start, file);
        if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) {
            throw new ImportRefused(
                    file,
                    "BAD_HEADER",
                    file + " has an empty or repeated column name in its header row; each column needs its own name.");
        }
    }

    private static void refuseBinary(byte[] start, String file) {
        if (start.length == 0) {
            throw new ImportRefused(file, "EMPTY_FILE", file + " is empty; it needs a header row.");
        }
        if (start.length >= 2 && start[0] == 'P' && start[1] == 'K') {
            throw new ImportRefused(
                    file, "NOT_CSV", file + " is a zip or a spreadsheet workbook, not CSV; save it as \"CSV UTF-8\".");
        }
        if (start.length >= 2
                && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
                        || (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
            throw new ImportRefused(file, "WRONG_ENCODING", file + " is UTF-16 text; save it as \"CSV UTF-8\".");
        }
        for (byte b : start) {
            if (b == 0) {
                throw new ImportRefused(file, "NOT_CSV", file + " is binary, not CSV text.");
            }
        }
    }

    private static ImportRefused notCsv(String file, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new ImportRefused(
                    file,
                    "WRONG_ENCODING",
                    file + " is not UTF-8 text (perhaps saved as Windows-1252 or Latin-1); save it as \"CSV UTF-8\".");
        }
        return new ImportRefused(file, "NOT_CSV", file + " cannot be read as CSV.");
    }
}
