package com.consento.channels;

import com.consento.identity.RawIdentifier;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.LedgerService;
import com.consento.ledger.Touchpoint;
import com.consento.shared.Conflict;
import com.consento.shared.FieldProblem;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store and legacy CRM import: reads the CSV one record at a time and commits good rows in batches of at
 * most {@value #BATCH} through the ledger (so every row is validated, chained and indexed like any API event).
 * When the ledger refuses a batch, the rows it names are reported with their physical line and the rest of the
 * batch is stored. Touchpoint IMPORT, or STORE when the row names a store; store and staff ids are evidence.
 */
@Service
public class ConsentImporter {
    public static final List<String> HEADER = List.of("identifierType", "identifier", "purpose", "channel", "action",
            "noticeVersion", "capturedAt", "storeId", "staffId");
    static final int BATCH = 1000;
    private static final Pattern POINTER = Pattern.compile("^/events/(\\d+)(/.*)?$");
    private final LedgerService ledger;
    private final JsonMapper json;

    ConsentImporter(LedgerService ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** One refused row: its physical line in the file (the header is line 1) and what is wrong with it. */
    public record Rejected(int line, String error) {
    }

    public record Report(int imported, List<Rejected> rejected) {
    }

    private record Pending(int line, ConsentEventBody event) {
    }

    /** Reads a file from disk; bytes that are not UTF-8 become U+FFFD and the row is refused by validation. */
    public Report importFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importCsv(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        }
    }

    /**
     * Imports every record after the header.
     *
     * @throws InvalidRequest (422) when the first line is not the expected header; nothing is imported then
     */
    public Report importCsv(Reader reader) throws IOException {
        CsvReader csv = new CsvReader(reader);
        checkHeader(csv.next());
        List<Rejected> rejected = new ArrayList<>();
        List<Pending> batch = new ArrayList<>(BATCH);
        int imported = 0;
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            if (row.error() != null) {
                rejected.add(new Rejected(row.line(), row.error()));
                continue;
            }
            if (row.blank()) {
                continue;
            }
            if (row.fields().size() != HEADER.size()) {
                rejected.add(new Rejected(row.line(), "expected " + HEADER.size() + " fields ("
                        + String.join(",", HEADER) + "), found " + row.fields().size()));
                continue;
            }
            batch.add(new Pending(row.line(), event(row.fields())));
            if (batch.size() == BATCH) {
                imported += commit(batch, rejected);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            imported += commit(batch, rejected);
        }
        rejected.sort(Comparator.comparingInt(Rejected::line));
        return new Report(imported, rejected);
    }

    private static void checkHeader(CsvReader.Row header) {
        String expected = String.join(",", HEADER);
        if (header == null) {
            throw new InvalidRequest("invalid-csv-header", "the file is empty; line 1 must be the header " + expected,
                    List.of(new FieldProblem("/line/1", "expected the header " + expected)));
        }
        List<String> found = header.error() != null ? List.of() : header.fields().stream().map(String::strip).toList();
        boolean ok = found.size() == HEADER.size();
        for (int i = 0; ok && i < found.size(); i++) {
            ok = found.get(i).equalsIgnoreCase(HEADER.get(i));
        }
        if (!ok) {
            throw new InvalidRequest("invalid-csv-header", "line 1 must be the header " + expected + "; found "
                    + (header.error() != null ? header.error() : abbreviate(String.join(",", found))),
                    List.of(new FieldProblem("/line/1", "expected the header " + expected)));
        }
    }

    private static ConsentEventBody event(List<String> f) {
        String storeId = f.get(7).strip();
        String staffId = f.get(8).strip();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("method", "csv-import");
        if (!storeId.isEmpty()) {
            evidence.put("storeId", storeId);
        }
        if (!staffId.isEmpty()) {
            evidence.put("staffId", staffId);
        }
        return new ConsentEventBody(
                new ConsentEventBody.SubjectRef(null, List.of(new RawIdentifier(f.get(0).strip(), f.get(1).strip()))),
                f.get(2).strip(), emptyToNull(f.get(3)), f.get(4).strip().toUpperCase(Locale.ROOT),
                emptyToNull(f.get(5)), (storeId.isEmpty() ? Touchpoint.IMPORT : Touchpoint.STORE).name(),
                f.get(6).strip(), null, evidence);
    }

    /**
     * Records a batch; when the ledger refuses it, reports the rows it names and records the others. If a refusal
     * cannot be traced to rows, the remaining rows go one at a time. Returns how many rows were recorded.
     */
    private int commit(List<Pending> batch, List<Rejected> rejected) {
        List<Pending> remaining = new ArrayList<>(batch);
        for (int attempt = 0; attempt < 3 && !remaining.isEmpty(); attempt++) {
            try {
                ledger.record(remaining.stream().map(Pending::event).toList(), null, null);
                return remaining.size();
            } catch (InvalidRequest e) {
                Map<Integer, List<String>> bad = byRow(e.problems(), remaining.size());
                if (bad.isEmpty()) {
                    break;
                }
                List<Pending> next = new ArrayList<>(remaining.size());
                for (int i = 0; i < remaining.size(); i++) {
                    if (bad.containsKey(i)) {
                        rejected.add(new Rejected(remaining.get(i).line(), String.join("; ", bad.get(i))));
                    } else {
                        next.add(remaining.get(i));
                    }
                }
                remaining = next;
            } catch (Conflict | NotFound e) {
                break;
            }
        }
        int imported = 0;
        for (Pending p : remaining) {
            try {
                ledger.record(List.of(p.event()), null, null);
                imported++;
            } catch (InvalidRequest e) {
                Map<Integer, List<String>> bad = byRow(e.problems(), 1);
                rejected.add(new Rejected(p.line(), bad.isEmpty() ? e.getMessage() : String.join("; ", bad.get(0))));
            } catch (Conflict | NotFound e) {
                rejected.add(new Rejected(p.line(), e.getMessage()));
            }
        }
        return imported;
    }

    /** Problems by batch index, each as "column: what is wrong". */
    static Map<Integer, List<String>> byRow(List<FieldProblem> problems, int size) {
        Map<Integer, List<String>> rows = new TreeMap<>();
        for (FieldProblem p : problems) {
            Matcher m = p.pointer() == null ? null : POINTER.matcher(p.pointer());
            if (m == null || !m.matches()) {
                return Map.of();
            }
            int index = Integer.parseInt(m.group(1));
            if (index >= size) {
                return Map.of();
            }
            String column = column(m.group(2) == null ? "" : m.group(2));
            rows.computeIfAbsent(index, k -> new ArrayList<>())
                    .add(column == null ? p.detail() : column + ": " + p.detail());
        }
        return rows;
    }

    /** The CSV column a pointer into an event names. */
    static String column(String rest) {
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.startsWith("/subject/identifiers/")) {
            return rest.endsWith("/type") ? "identifierType" : "identifier";
        }
        if (rest.startsWith("/subject")) {
            return "identifier";
        }
        if (rest.startsWith("/evidence/")) {
            return rest.substring("/evidence/".length());
        }
        int slash = rest.indexOf('/', 1);
        return slash < 0 ? rest.substring(1) : rest.substring(1, slash);
    }

    /**
     * The {@code import-consents FILE} task: prints the JSON report on {@code out}. Exit code 0 when every row was
     * imported, 1 when some were refused (see the report), 2 when the file could not be read or has no valid header.
     */
    public int runTask(String file, PrintStream out, PrintStream err) {
        try {
            Report report = importFile(Path.of(file));
            out.println(json.writeValueAsString(report));
            return report.rejected().isEmpty() ? 0 : 1;
        } catch (InvalidRequest e) {
            err.println(json.writeValueAsString(Map.of("error", e.getMessage())));
            return 2;
        } catch (NoSuchFileException e) {
            err.println(json.writeValueAsString(Map.of("error", "no such file: " + file)));
            return 2;
        } catch (IOException e) {
            err.println(json.writeValueAsString(Map.of("error", "cannot read " + file + ": " + e.getMessage())));
            return 2;
        }
    }

    private static String emptyToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
