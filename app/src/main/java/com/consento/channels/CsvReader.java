package com.consento.channels;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, never the whole file: quoted fields (with commas, doubled quotes
 * and line breaks), a leading byte-order mark, and LF, CRLF or CR line ends. Each record carries the physical
 * line it starts on (the first line is 1), so reports point at the line a person sees in an editor. A record
 * that breaks the format, or is longer than {@value #MAX_RECORD} characters, comes back with an error instead
 * of fields, and reading goes on with the next line.
 */
final class CsvReader {
    static final int MAX_RECORD = 64 * 1024;
    private static final int EOF = -1;
    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** One record: its first physical line and its fields, or the reason it cannot be read. */
    record Row(int line, List<String> fields, String error) {
        boolean blank() {
            return error == null && fields.stream().allMatch(f -> f.isBlank());
        }
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == EOF) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        String error = null;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (c == EOF) {
                if (quoted) {
                    error = "a quoted field is not closed (missing \")";
                }
                fields.add(field.toString());
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        length = append(field, '"', length);
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\r' || c == '\n') {
                        newline(c);
                        c = '\n';
                    }
                    length = append(field, (char) c, length);
                }
            } else if (c == ',') {
                if (length++ < MAX_RECORD) {
                    fields.add(field.toString());
                }
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                newline(c);
                fields.add(field.toString());
                break;
            } else if (afterQuote) {
                if (c != ' ' && c != '\t' && error == null) {
                    error = "unexpected text after a closing quote (a quote inside a field is written \"\")";
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else {
                length = append(field, (char) c, length);
            }
            c = read();
        }
        if (length > MAX_RECORD) {
            error = "the record is longer than " + MAX_RECORD + " characters";
        }
        return error == null ? new Row(start, fields, null) : new Row(start, List.of(), error);
    }

    private static int append(StringBuilder field, char c, int length) {
        if (length < MAX_RECORD) {
            field.append(c);
        }
        return length + 1;
    }

    /** Counts a line end; CRLF is one. */
    private void newline(int c) throws IOException {
        line++;
        if (c == '\r') {
            int n = read();
            if (n != '\n') {
                peeked = n;
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}
