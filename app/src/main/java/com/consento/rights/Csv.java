package com.consento.rights;

import java.util.List;

/** RFC 4180 CSV of simple values: quoted when they hold a comma, quote or line break. */
final class Csv {
    private Csv() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = String.valueOf(values.get(i));
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        b.append("\r\n");
    }
}
