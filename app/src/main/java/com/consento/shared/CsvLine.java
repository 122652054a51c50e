package com.consento.shared;

import java.util.ArrayList;
import java.util.List;

/** One line of RFC 4180 CSV, as the Online Retail files and the store imports write it. */
public final class CsvLine {
    private CsvLine() {
    }

    /** Splits one CSV line; fields may be quoted, with {@code ""} for a quote inside. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
