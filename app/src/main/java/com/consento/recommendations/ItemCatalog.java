package com.consento.recommendations;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dense integer ids for stock codes, assigned in ascending code order (String.compareTo).
 *
 * <p>The order is also the tie-break everywhere: among equal scores the smaller code ranks first. That is
 * what reproduces the reference popularity figures (0.0370 / 0.0184); the pessimistic tie-break (held-out
 * item last among equals) would give 0.0367 / 0.0183 and the optimistic one 0.0377 / 0.0186.
 */
final class ItemCatalog {

    private final String[] codes;
    private final Map<String, Integer> ids;

    private ItemCatalog(String[] codes) {
        this.codes = codes;
        this.ids = new HashMap<>(codes.length * 2);
        for (int i = 0; i < codes.length; i++) {
            ids.put(codes[i], i);
        }
    }

    static ItemCatalog of(Collection<? extends Collection<String>> itemLists) {
        TreeSet<String> all = new TreeSet<>();
        itemLists.forEach(all::addAll);
        return new ItemCatalog(all.toArray(new String[0]));
    }

    int size() {
        return codes.length;
    }

    String code(int id) {
        return codes[id];
    }

    /** The id of {@code code}, or -1 for an item the catalog has never seen. */
    int id(String code) {
        Integer id = ids.get(code);
        return id == null ? -1 : id;
    }
}
