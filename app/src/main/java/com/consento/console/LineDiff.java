package com.consento.console;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence): what a reader sees removed, added and kept between two texts. */
final class LineDiff {
    private LineDiff() {
    }

    /** {@code op} is {@code "-"} (only in the old text), {@code "+"} (only in the new one) or {@code " "}. */
    record Line(String op, String text) {
        public boolean changed() {
            return !" ".equals(op);
        }
    }

    static List<Line> diff(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                out.add(new Line(" ", before.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line("-", before.get(i++)));
            } else {
                out.add(new Line("+", after.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line("-", before.get(i++)));
        }
        while (j < m) {
            out.add(new Line("+", after.get(j++)));
        }
        return out;
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
