package com.consento.recommendations;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock codes as small ints, so that held features are int arrays and every code string exists once.
 * Append-only and thread-safe; lookups do not lock.
 */
final class ItemDictionary {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] codes = new String[1024];
    private int size;

    /** The id of {@code sku}, assigned on first sight. */
    int id(String sku) {
        Integer id = ids.get(sku);
        return id != null ? id : assign(sku);
    }

    String sku(int id) {
        return codes[id];
    }

    synchronized int size() {
        return size;
    }

    private synchronized int assign(String sku) {
        Integer id = ids.get(sku);
        if (id != null) {
            return id;
        }
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
        }
        codes[size] = sku;
        ids.put(sku, size);
        return size++;
    }
}
