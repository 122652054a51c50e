package com.consento.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the bundled Online Retail extract ({@value #RESOURCE}, made by {@code scripts/make-demo-extract.py})
 * into one {@link DemoCustomer} per CustomerID, in ascending id order.
 */
final class RetailExtract {
    static final String RESOURCE = "demo/online-retail-extract.csv.gz";
    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private RetailExtract() {
    }

    static List<DemoCustomer> fromClasspath() {
        InputStream in = RetailExtract.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("demo extract " + RESOURCE + " is missing from the classpath");
        }
        return customers(in);
    }

    /** Reads a gzipped extract; closes the stream. */
    static List<DemoCustomer> customers(InputStream gzipped) {
        Map<Integer, Totals> byId = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !HEADER.equals(header.replace("\uFEFF", ""))) {
                throw new IllegalStateException("demo extract has an unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    add(com.consento.shared.CsvLine.split(line), byId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo extract", e);
        }
        List<DemoCustomer> customers = new ArrayList<>(byId.size());
        byId.forEach((id, t) -> customers.add(new DemoCustomer(id, t.country, Math.round(t.spend * 100) / 100.0,
                t.invoices.size())));
        return customers;
    }

    private static void add(List<String> f, Map<Integer, Totals> byId) {
        if (f.size() < 8 || f.get(6).isBlank()) {
            return;
        }
        int id = (int) Double.parseDouble(f.get(6));
        Totals t = byId.computeIfAbsent(id, k -> new Totals(f.get(7)));
        int quantity = Integer.parseInt(f.get(3).trim());
        if (f.get(0).startsWith("C") || quantity <= 0) {
            return;
        }
        t.spend += quantity * Double.parseDouble(f.get(5).trim());
        t.invoices.add(f.get(0));
    }


    private static final class Totals {
        final String country;
        final Set<String> invoices = new HashSet<>();
        double spend;

        Totals(String country) {
            this.country = country;
        }
    }
}
