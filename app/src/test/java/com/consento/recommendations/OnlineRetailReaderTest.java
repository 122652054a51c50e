package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineRetailReaderTest {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @TempDir
    Path dir;

    private static List<InvoiceLine> readAll(Path file) throws IOException {
        List<InvoiceLine> lines = new ArrayList<>();
        OnlineRetailReader.read(file, lines::add);
        return lines;
    }

    @Test
    void a_gz_file_is_decompressed_and_quoted_descriptions_with_commas_read_whole() throws IOException {
        Path file = dir.resolve("retail.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER
                    + "536381,82567,\"AIRLINE LOUNGE,METAL SIGN\",2,2010-12-01 09:41:00,2.1,15311.0,United Kingdom\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<InvoiceLine> lines = readAll(file);
        assertEquals(1, lines.size());
        InvoiceLine line = lines.get(0);
        assertEquals("82567", line.stockCode());
        assertEquals("AIRLINE LOUNGE,METAL SIGN", line.description());
        assertEquals(2.0, line.quantity());
        assertEquals(LocalDateTime.of(2010, 12, 1, 9, 41), line.invoiceDate());
        assertEquals("15311.0", line.customerId());
        assertEquals(0, line.lineNumber());
    }

    @Test
    void columns_are_found_by_header_name_in_any_order() throws IOException {
        Path file = dir.resolve("reordered.csv");
        Files.writeString(file, "CustomerID,InvoiceDate,Quantity,Description,StockCode,InvoiceNo\n"
                + "17850.0,2010-12-01T08:26,6,HEART,85123A,536365\n");
        InvoiceLine line = readAll(file).get(0);
        assertEquals("536365", line.invoiceNo());
        assertEquals("85123A", line.stockCode());
        assertEquals("17850.0", line.customerId());
    }

    @Test
    void a_missing_column_is_named_in_the_error() throws IOException {
        Path file = dir.resolve("no-customer.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate\n");
        IOException e = assertThrows(IOException.class, () -> readAll(file));
        assertTrue(e.getMessage().contains("CustomerID"), e.getMessage());
    }

    @Test
    void a_malformed_date_names_the_record() throws IOException {
        Path file = dir.resolve("bad-date.csv");
        Files.writeString(file, HEADER + "536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\n");
        IOException e = assertThrows(IOException.class, () -> readAll(file));
        assertTrue(e.getMessage().startsWith("record 2:"), e.getMessage());
    }
}
