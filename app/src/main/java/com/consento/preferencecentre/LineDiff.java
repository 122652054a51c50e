package com.consento.preferencecentre;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two notice texts (longest common subsequence), so a person sees what changed since the
 * version they agreed to (PIPL-17b). Plain Java; notices are short, so the quadratic table is fine.
 */
final class LineDiff {
    private static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    enum Kind { SAME, ADDED, REMOVED }

    record Line(Kind kind, String text) {
        boolean changed() {
            return kind != Kind.SAME;
        }
    }

    static List<Line> diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<Line> coarse = new ArrayList<>();
            a.forEach(l -> coarse.add(new Line(Kind.REMOVED, l)));
            b.forEach(l -> coarse.add(new Line(Kind.ADDED, l)));
            return coarse;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new Line(Kind.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new Line(Kind.ADDED, b.get(j++)));
        }
        return out;
    }

    /** Only what changed. */
    static List<Line> changes(String before, String after) {
        return diff(before, after).stream().filter(Line::changed).toList();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
    }
}
