package org.credfolio.catalog.labormarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void csvParserHandlesQuotesCommasDoubledQuotesLineBreaksAndBom() {
        String text = "\uFEFFname,note\r\nplain,\"a, b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nshort\n";

        assertThat(Csv.parse(text))
                .containsExactly(
                        List.of("name", "note"),
                        List.of("plain", "a, b"),
                        List.of("say \"hi\"", "two\nlines"),
                        List.of("short"));
        assertThat(Csv.records(text).get(2)).containsEntry("name", "short").containsEntry("note", "");
    }

    @Test
    void rowsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
        String text = "name,note\r\nplain,x\r\n\"say\",\"two\nlines\"\r\n\r\nshort\n";

        assertThat(Csv.rows(text)).extracting(Csv.Row::line).containsExactly(1, 2, 3, 6);
    }

    @Test
    void tabSeparatedTextKeepsQuotesAsCharactersAndCountsLines() {
        assertThat(Csv.tabRecords("Code\tTitle\n1\t\"Quoted\", with comma\n"))
                .containsExactly(Map.of("Code", "1", "Title", "\"Quoted\", with comma"));
        assertThat(Csv.tabRows("A\tB\r\n\r\n1\t2\r\n"))
                .extracting(Csv.Row::line)
                .containsExactly(1, 3);
    }
}
