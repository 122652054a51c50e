package com.consento.recommendations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Online Retail CSV layout. Columns are found by header name rather than position so an export
 * with extra or reordered columns still reads; a file whose name ends in {@code .gz} is decompressed.
 */
final class OnlineRetailReader {

    static final List<String> REQUIRED_COLUMNS =
            List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "CustomerID");

    private OnlineRetailReader() {
    }

    static void read(Path file, Consumer<InvoiceLine> sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader =
                     new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            read(new CsvRecordReader(reader), sink);
        }
    }

    static void read(CsvRecordReader csv, Consumer<InvoiceLine> sink) throws IOException {
        List<String> header = csv.next();
        if (header == null) {
            throw new IOException("empty file: no header line");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        for (String name : REQUIRED_COLUMNS) {
            if (!column.containsKey(name)) {
                throw new IOException("header has no column " + name + ": " + header);
            }
        }
        int invoice = column.get("InvoiceNo");
        int stock = column.get("StockCode");
        int description = column.get("Description");
        int quantity = column.get("Quantity");
        int date = column.get("InvoiceDate");
        int customer = column.get("CustomerID");
        int width = header.size();
        long dataLine = 0;
        List<String> f;
        while ((f = csv.next()) != null) {
            if (f.size() == 1 && f.get(0).isEmpty()) {
                continue;
            }
            if (f.size() < width) {
                throw new IOException("record " + csv.recordNumber() + ": expected " + width
                        + " fields, found " + f.size());
            }
            try {
                sink.accept(new InvoiceLine(
                        f.get(invoice).strip(),
                        f.get(stock).strip(),
                        f.get(description),
                        Double.parseDouble(f.get(quantity).strip()),
                        parseDateTime(f.get(date).strip()),
                        f.get(customer).strip(),
                        dataLine++));
            } catch (NumberFormatException | DateTimeException e) {
                throw new IOException("record " + csv.recordNumber() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm[:ss]}, with a space or a 'T' in the middle: what the data set and most
     * database exports write. Parsed by hand because a DateTimeFormatter costs about a second per
     * half-million lines.
     */
    static LocalDateTime parseDateTime(String s) {
        int n = s.length();
        if ((n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-'
                || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':'
                || (n == 19 && s.charAt(16) != ':')) {
            throw new DateTimeException("invoice date is not yyyy-MM-dd HH:mm[:ss]: '" + s + "'");
        }
        return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10),
                digits(s, 11, 13), digits(s, 14, 16), n == 19 ? digits(s, 17, 19) : 0);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("invoice date is not yyyy-MM-dd HH:mm[:ss]: '" + s + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
