package com.consento.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Step 3 of the protocol: customers with fewer than two distinct items are dropped, each remaining
 * customer's last first-purchased item is held out and the rest is training history.
 *
 * @param catalog  every item of the kept purchases, including items only ever held out (they must still
 *                 be ranked)
 * @param training per evaluated customer, item ids in order of first purchase, without the held-out one
 * @param heldOut  per evaluated customer, the id of the held-out item
 */
record LeaveLastOutSplit(ItemCatalog catalog, int[][] training, int[] heldOut) {

    static LeaveLastOutSplit of(Map<String, List<String>> sequences) {
        return of(sequences.values());
    }

    static LeaveLastOutSplit of(Collection<List<String>> sequences) {
        ItemCatalog catalog = ItemCatalog.of(sequences);
        List<int[]> training = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (List<String> items : sequences) {
            if (items.size() < 2) {
                continue;
            }
            int[] ids = new int[items.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = catalog.id(items.get(i));
            }
            training.add(Arrays.copyOf(ids, ids.length - 1));
            heldOut.add(ids[ids.length - 1]);
        }
        return new LeaveLastOutSplit(catalog, training.toArray(new int[0][]),
                heldOut.stream().mapToInt(Integer::intValue).toArray());
    }

    int customers() {
        return heldOut.length;
    }
}
