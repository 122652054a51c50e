package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static CsvRecordReader csv(String text) {
        return new CsvRecordReader(new StringReader(text));
    }

    @Test
    void a_quoted_field_keeps_its_commas() throws IOException {
        CsvRecordReader reader = csv("536381,82567,\"AIRLINE LOUNGE,METAL SIGN\",2\n");
        assertEquals(List.of("536381", "82567", "AIRLINE LOUNGE,METAL SIGN", "2"), reader.next());
        assertNull(reader.next());
    }

    @Test
    void a_doubled_quote_inside_quotes_is_one_quote() throws IOException {
        CsvRecordReader reader = csv("22041,\"RECORD FRAME 7\"\" SINGLE SIZE \",48\n");
        assertEquals(List.of("22041", "RECORD FRAME 7\" SINGLE SIZE ", "48"), reader.next());
    }

    @Test
    void a_quoted_field_may_span_lines_and_crlf_ends_a_record() throws IOException {
        CsvRecordReader reader = csv("a,\"two\r\nlines\",c\r\nd,e,f");
        assertEquals(List.of("a", "two\r\nlines", "c"), reader.next());
        assertEquals(List.of("d", "e", "f"), reader.next());
        assertNull(reader.next());
        assertEquals(2, reader.recordNumber());
    }

    @Test
    void empty_fields_are_kept_including_a_trailing_one() throws IOException {
        assertEquals(List.of("", "x", "", ""), csv(",x,\"\",\n").next());
    }

    @Test
    void an_unclosed_quote_is_reported_with_its_record_number() throws IOException {
        CsvRecordReader reader = csv("h1,h2\n1,\"never closed\n");
        reader.next();
        IOException e = assertThrows(IOException.class, reader::next);
        assertEquals("record 2: quoted field is not closed", e.getMessage());
    }
}
