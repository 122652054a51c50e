package com.consento.recommendations;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits character input into RFC 4180 records. Quoted fields may hold commas, doubled quotes and line
 * breaks, which is why this works on characters rather than on lines: a product description such as
 * {@code "RECORD FRAME 7"" SINGLE SIZE "} must come back as one field.
 */
final class CsvRecordReader {

    private final Reader in;
    private final StringBuilder field = new StringBuilder();
    // Own buffer: Reader.read() per character takes a lock each call, which costs seconds on a big file.
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = -2;
    private long recordNumber;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** Number of the record last returned, starting at 1 (the header, if there is one). */
    long recordNumber() {
        return recordNumber;
    }

    /** The next record, or {@code null} at the end of the input. A blank line yields one empty field. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("record " + recordNumber + ": quoted field is not closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                // Lenient on text after a closing quote or a quote inside an unquoted field: keep it as
                // written rather than rejecting a whole export for one sloppy line.
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
