package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(String text) throws IOException {
        CsvReader csv = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    @DisplayName("plain fields, LF, CRLF and CR line ends each count one physical line")
    void line_ends() throws IOException {
        List<CsvReader.Row> rows = rows("a,b\nc,d\r\ne,f\rg,h");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(3).fields()).containsExactly("g", "h");
        assertThat(rows("a,b\r\n")).hasSize(1);
    }

    @Test
    @DisplayName("a byte-order mark before the first field is dropped")
    void bom() throws IOException {
        assertThat(rows("\uFEFFidentifierType,x\n").get(0).fields()).containsExactly("identifierType", "x");
    }

    @Test
    @DisplayName("quoted fields keep commas, doubled quotes and line breaks; the record keeps its first line")
    void quoted_fields() throws IOException {
        List<CsvReader.Row> rows = rows("h\n\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\"\nnext,row\n");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).fields()).containsExactly("a,1", "say \"hi\"", "two\nlines", "");
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).fields()).containsExactly("next", "row");
    }

    @Test
    @DisplayName("blank lines are records of one empty field, still counted as lines")
    void blank_lines() throws IOException {
        List<CsvReader.Row> rows = rows("a\n\n \r\n,,\nb\n");
        assertThat(rows).extracting(CsvReader.Row::blank).containsExactly(false, true, true, true, false);
        assertThat(rows.get(4).line()).isEqualTo(5);
    }

    @Test
    @DisplayName("text after a closing quote is an error of that record only; reading goes on")
    void text_after_quote() throws IOException {
        List<CsvReader.Row> rows = rows("\"a\"b,c\nd,e\n");
        assertThat(rows.get(0).error()).contains("closing quote");
        assertThat(rows.get(1).fields()).containsExactly("d", "e");
        assertThat(rows("\"a\"  ,c\n").get(0).fields()).containsExactly("a", "c");
    }

    @Test
    @DisplayName("an unclosed quote at the end of the input is an error")
    void unclosed_quote() throws IOException {
        List<CsvReader.Row> rows = rows("a,b\n\"open,c\nd\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).error()).contains("not closed");
    }

    @Test
    @DisplayName("an overlong record is refused without holding it in memory, and the next line is read")
    void overlong_record() throws IOException {
        String longField = "x".repeat(CsvReader.MAX_RECORD + 10);
        List<CsvReader.Row> rows = rows("a\n" + longField + ",y\nb\n");
        assertThat(rows.get(1).error()).contains("longer than");
        assertThat(rows.get(2).fields()).containsExactly("b");
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows("a\n" + ",".repeat(CsvReader.MAX_RECORD + 10) + "\nb\n").get(1).error()).contains("longer than");
    }

    @Test
    @DisplayName("a quote inside an unquoted field is kept as it is")
    void quote_inside_unquoted_field() throws IOException {
        assertThat(rows("ab\"c,d\n").get(0).fields()).containsExactly("ab\"c", "d");
    }
}
