package com.consento.audiences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * One categorical attribute: a bitmap per value. A single-valued column also keeps each subject's value code
 * (so an update moves the subject in O(1)); a multi-valued one (categories bought) holds a set per subject.
 * Not thread-safe: {@link AttributeIndex} serialises writers against readers.
 */
final class CategoricalColumn {
    private final boolean multi;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<RoaringBitmap> bitmaps = new ArrayList<>();
    private int[] code = new int[0];

    CategoricalColumn(boolean multi) {
        this.multi = multi;
    }

    boolean multi() {
        return multi;
    }

    void set(int subject, String value) {
        if (multi) {
            setAll(subject, value == null ? List.of() : List.of(value));
            return;
        }
        int next = value == null ? 0 : codeOf(value) + 1;
        int old = subject < code.length ? code[subject] : 0;
        if (old == next) {
            return;
        }
        if (old != 0) {
            bitmaps.get(old - 1).remove(subject);
        }
        if (subject >= code.length) {
            code = Arrays.copyOf(code, Math.max(subject + 1, Math.max(1024, code.length + (code.length >> 1))));
        }
        code[subject] = next;
        if (next != 0) {
            bitmaps.get(next - 1).add(subject);
        }
    }

    void setAll(int subject, Collection<String> values) {
        if (!multi) {
            set(subject, values.isEmpty() ? null : values.iterator().next());
            return;
        }
        List<Integer> wanted = values.stream().map(this::codeOf).toList();
        for (int c = 0; c < bitmaps.size(); c++) {
            if (wanted.contains(c)) {
                bitmaps.get(c).add(subject);
            } else {
                bitmaps.get(c).remove(subject);
            }
        }
    }

    void clear(int subject) {
        if (multi) {
            bitmaps.forEach(b -> b.remove(subject));
        } else {
            set(subject, null);
        }
    }

    /** The subjects holding the value: the column's own bitmap, which callers must not change. */
    RoaringBitmap eq(String value) {
        Integer c = codes.get(value);
        return c == null ? new RoaringBitmap() : bitmaps.get(c);
    }

    long bytesUsed() {
        long total = 4L * code.length;
        for (RoaringBitmap b : bitmaps) {
            total += b.getSizeInBytes();
        }
        return total;
    }

    private int codeOf(String value) {
        return codes.computeIfAbsent(value, v -> {
            bitmaps.add(new RoaringBitmap());
            return bitmaps.size() - 1;
        });
    }
}
