package com.consento.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese), every field quoted when
 * needed, and cells that a spreadsheet would run as a formula ({@code = + - @}) defused with a leading quote.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder("\uFEFF");

    Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
