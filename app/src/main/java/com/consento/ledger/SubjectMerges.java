package com.consento.ledger;

import com.consento.identity.IdentityService;
import com.consento.identity.SubjectMerger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Merging two subjects: identity joins them, the merge is itself a ledger event on the survivor's chain, and
 * the survivor's state becomes the capture-time winner of both histories for every key — a grant the other
 * identity gave earlier never overrides a later withdrawal, and vice versa.
 */
@Service
class SubjectMerges implements SubjectMerger {
    static final String MERGE_PURPOSE = "subject.merge";
    private final LedgerService ledger;
    private final LedgerStore store;
    private final IdentityService identity;
    private final Clock clock;

    SubjectMerges(LedgerService ledger, LedgerStore store, IdentityService identity, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String merge(String survivorId, String mergedId, String reason) {
        String survivor = identity.requireActive(survivorId);
        String merged = identity.requireActive(mergedId);
        return ledger.write(() -> {
            identity.merge(survivor, merged);
            long now = clock.millis();
            ValidEvent event = new ValidEvent(survivor, List.of(), MERGE_PURPOSE, "", Action.MERGE, null, 0,
                    Touchpoint.SYSTEM, now, null, Map.of("merged", merged, "reason", reason == null ? "" : reason));
            ledger.append(List.of(event), now);
            ledger.announce(joinStates(survivor, merged));
            return survivor;
        });
    }

    /** Folds the merged subject's winners into the survivor's keys under the ordering rule. */
    private List<ConsentChanged> joinStates(String survivor, String merged) {
        List<StateRow> changed = new ArrayList<>();
        List<StateRow> theirs = new ArrayList<>();
        store.forEachStateOf(merged, theirs::add);
        for (StateRow row : theirs) {
            StateRow candidate = new StateRow(survivor, row.purpose(), row.channel(), row.eventId(), row.action(),
                    row.noticeVersion(), row.noticeSeq(), row.guardian(), row.capturedAt(), row.recordedAt());
            StateRow current = store.state(survivor, row.purpose(), row.channel()).orElse(null);
            if (candidate.supersedes(current)) {
                changed.add(candidate);
            }
        }
        store.upsert(changed);
        return changed.stream().map(StateRow::change).toList();
    }
}
