package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last message per masked identifier, kept in memory by the log adapters (which deliver nothing), so that
 * a developer or a browser test can read what would have been sent. Bounded; never logged.
 */
final class Outbox {
    private static final int LIMIT = 1000;
    private final Map<String, String> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > LIMIT;
        }
    };

    synchronized void put(Identifier to, String message) {
        last.put(to.masked(), message);
    }

    synchronized String last(Identifier to) {
        return last.get(to.masked());
    }
}
