package com.consento.signals;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Online Retail CSV (plain or gzipped) as orders: one order {@code OR-<InvoiceNo>} per invoice, its
 * customer the subject with identifier {@code member:OR-<CustomerID>} (created when new). Guest lines (no
 * CustomerID), cancellations ({@code C…}) and quantities of 0 or less are skipped. Dates are read as UTC.
 * Idempotent: orders already recorded are skipped, so a re-run adds nothing.
 */
@Service
public class OrderImporter {
    static final int BATCH = 500;
    private final OrderStore store;
    private final CustomerFacts facts;
    private final IdentityService identity;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderImporter(OrderStore store, CustomerFacts facts, IdentityService identity, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.identity = identity;
        this.tx = tx;
        this.clock = clock;
    }

    /** What an import did: orders added, orders already present, lines skipped, subjects created. */
    public record Result(int imported, int alreadyPresent, int skippedLines, int customers) {
    }

    public Result importCsv(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importCsv(file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in);
        }
    }

    /** Reads an uncompressed CSV stream (the caller closes it). */
    public Result importCsv(InputStream csv) throws IOException {
        Map<String, Order> invoices = new LinkedHashMap<>();
        Map<String, List<OrderLine>> lines = new HashMap<>();
        int skipped = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !RetailCsv.HEADER.equals(header.replace("\uFEFF", "").strip())) {
            throw new IOException("not the Online Retail CSV: the header must be " + RetailCsv.HEADER);
        }
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            List<String> f = com.consento.shared.CsvLine.split(line);
            if (f.size() < 8 || f.get(6).isBlank() || f.get(0).startsWith("C") || parseInt(f.get(3)) <= 0) {
                skipped++;
                continue;
            }
            String orderId = "OR-" + f.get(0).strip();
            String customer = "OR-" + (long) Double.parseDouble(f.get(6).strip());
            long placedAt = LocalDateTime.parse(f.get(4).strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            invoices.putIfAbsent(orderId, new Order(orderId, customer, placedAt, List.of()));
            lines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(new OrderLine(f.get(1).strip(),
                    parseInt(f.get(3)), new BigDecimal(f.get(5).strip()), RetailCsv.category(f.get(2))));
        }
        List<Order> orders = new ArrayList<>(invoices.size());
        invoices.values().forEach(o -> orders.add(new Order(o.orderId(), o.subjectId(), o.placedAt(),
                lines.get(o.orderId()))));
        return load(orders, skipped);
    }

    private Result load(List<Order> orders, int skipped) {
        Map<String, String> subjects = new HashMap<>();
        int imported = 0;
        int present = 0;
        for (int from = 0; from < orders.size(); from += BATCH) {
            List<Order> batch = orders.subList(from, Math.min(orders.size(), from + BATCH));
            List<Order> added = tx.execute(s -> {
                List<Order> fresh = new ArrayList<>();
                for (Order o : batch) {
                    if (store.subjectOf(o.orderId()).isEmpty()) {
                        String subject = subjects.computeIfAbsent(o.subjectId(), member -> identity.resolveOrCreate(
                                List.of(new Identifier(IdentifierType.MEMBER, member))));
                        fresh.add(SignalService.withSubject(o, subject));
                    }
                }
                store.insert(fresh, "IMPORT", clock.millis());
                return fresh;
            });
            imported += added.size();
            present += batch.size() - added.size();
            added.forEach(o -> facts.addOrder(o, false));
        }
        subjects.values().forEach(id -> {
            facts.refreshProfile(id);
            facts.publish(facts.subjectIndex(id));
        });
        return new Result(imported, present, skipped, subjects.size());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
