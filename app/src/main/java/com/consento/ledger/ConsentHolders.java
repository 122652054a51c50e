package com.consento.ledger;

import com.consento.identity.IdentityService;
import com.consento.identity.SubjectDirectory;
import com.consento.identity.SubjectIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who held a grant for some purposes at a past moment (the breach scope, PIPL-57): the state table answers for
 * every key that has not changed since; a key changed after that moment is replayed from the ledger, so a
 * withdrawal made after a breach never hides a person whose data was held during it. Reads no personal data:
 * subject ids, purposes, channels, actions and times only.
 */
@Service
public class ConsentHolders {
    private final LedgerStore store;
    private final IdentityService identity;

    ConsentHolders(LedgerStore store, IdentityService identity) {
        this.store = store;
        this.identity = identity;
    }

    /** A subject whose last word on a key at the moment asked was a grant (since expired or outdated included). */
    public record Holding(String subjectId, String purpose, String channel) {
    }

    public List<Holding> grantedAt(Collection<String> purposes, long at) {
        if (purposes.isEmpty()) {
            return List.of();
        }
        Set<Holding> held = new LinkedHashSet<>();
        Set<String> changedSince = new LinkedHashSet<>();
        SubjectDirectory directory = identity.directory();
        store.forEachStateOfPurposes(purposes, row -> {
            long index = SubjectIds.parseTrusted(row.subjectId());
            if (index < 0 || index > Integer.MAX_VALUE || directory.status((int) index) == SubjectDirectory.MERGED) {
                return; // a merged subject's keys were folded into its survivor's rows
            }
            if (row.capturedAt() > at) {
                changedSince.add(row.subjectId());
            } else if (row.action() == Action.GRANT) {
                held.add(new Holding(row.subjectId(), row.purpose(), row.channel()));
            }
        });
        Map<String, String> survivorOf = new HashMap<>();
        for (String subject : changedSince) {
            survivorOf.put(subject, subject);
            identity.mergedInto(subject).forEach(merged -> survivorOf.put(merged, subject));
        }
        Map<String, List<RecordedEvent>> histories = new HashMap<>();
        store.forEachEventOf(survivorOf.keySet(), purposes, e -> histories
                .computeIfAbsent(survivorOf.get(e.subjectId()), s -> new ArrayList<>()).add(e));
        histories.forEach((subject, events) -> StateReplay.winners(events, at).forEach((key, winner) -> {
            if (winner.action() == Action.GRANT) {
                held.add(new Holding(subject, key.purpose(), key.channel()));
            }
        }));
        return List.copyOf(held);
    }
}
