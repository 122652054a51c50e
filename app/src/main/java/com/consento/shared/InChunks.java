package com.consento.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Splits a {@code WHERE x IN (…)} lookup of many values into statements of at most {@value #SIZE} parameters:
 * one round trip per chunk instead of one per value, within every driver's parameter limit.
 */
public final class InChunks {
    static final int SIZE = 500;

    private InChunks() {
    }

    /** Calls {@code query} with the {@code ?, ?, …} list and the values of each chunk, in order. */
    public static void forEach(Collection<String> values, BiConsumer<String, Object[]> query) {
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += SIZE) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SIZE));
            query.accept(String.join(",", Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }
}
