package com.consento.compliance;

import com.consento.shared.Zip;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The breach scope as files for the regulator's form: the affected subjects and the staff accesses as CSV. */
final class BreachExport {
    private BreachExport() {
    }

    static String subjectsCsv(BreachReport r) {
        StringBuilder b = new StringBuilder();
        row(b, "subject_id", "minor", "erased", "read_by_staff", "purposes", "categories");
        r.subjects().forEach(s -> row(b, s.subjectId(), s.minor(), s.erased(), s.readByStaff(),
                String.join(" ", s.purposes()), String.join(" ", s.categories())));
        return b.toString();
    }

    static String accessesCsv(BreachReport r) {
        StringBuilder b = new StringBuilder();
        row(b, "time", "staff", "action", "allowed", "subject_id", "identifier_type", "reason");
        r.staffAccesses().forEach(a -> row(b, a.at(), a.staff(), a.action(), a.allowed(), a.subjectId(),
                a.identifierType(), a.reason()));
        return b.toString();
    }

    static byte[] zip(BreachReport r, JsonMapper json) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", r.from().toString());
        summary.put("to", r.to().toString());
        summary.put("generatedAt", r.generatedAt().toString());
        summary.put("selection", r.selection());
        summary.put("counts", r.counts());
        summary.put("staffAccessesTruncated", r.staffAccessesTruncated());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", """
                # Consento breach scope (PIPL-57)

                Window: %s to %s (staff accesses at or after the start and before the end; consent held at the end).

                - summary.json: the purposes and data categories asked for, and the counts: affected subjects, minors
                  (under 14 at the window's end), subjects read by staff, holders per purpose, subjects per category.
                - subjects.csv: every affected subject by id (never a phone number or e-mail address), whether a minor,
                  whether erased since, whether read by staff in the window, the purposes it held a grant for at the
                  window's end and the data categories concerned (consent_record: what a staff read shows).
                - staff-accesses.csv: every staff access to a subject's data in the window from the access audit log:
                  time, staff user, action, allowed, subject id, the type of identifier shown, the reason given.
                """.formatted(r.from(), r.to()));
        files.put("summary.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        files.put("subjects.csv", subjectsCsv(r));
        files.put("staff-accesses.csv", accessesCsv(r));
        return Zip.of(files);
    }

    private static void row(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        b.append("\r\n");
    }

    /** RFC 4180, and a leading = + - @ neutralised so that a spreadsheet never runs a cell as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
