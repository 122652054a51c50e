package com.consento.rights;

import com.consento.decisions.DecisionService;
import com.consento.identity.AfterCommit;
import com.consento.identity.IdentityService;
import com.consento.identity.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure (ECL-24, PIPL-47b): every holder deletes its part, the subject's key is destroyed, and decisions
 * answer SUBJECT_ERASED from the next call on. The ledger keeps its rows — consent evidence the law requires
 * — but they now identify no one, and the hash chains still verify.
 */
@Service
public class ErasureService {
    private final IdentityService identity;
    private final DecisionService decisions;
    private final List<PersonalDataHolder> holders;
    private final TransactionTemplate tx;
    private final Clock clock;

    ErasureService(IdentityService identity, DecisionService decisions, List<PersonalDataHolder> holders,
                   TransactionTemplate tx, Clock clock) {
        this.identity = identity;
        this.decisions = decisions;
        this.holders = holders;
        this.tx = tx;
        this.clock = clock;
    }

    /** What was removed, for the caller and the evidence trail. */
    public record Erased(String subjectId, Instant erasedAt, Map<String, Object> removed) {
    }

    public Erased erase(String subjectId) {
        String id = identity.requireActive(subjectId);
        Map<String, Object> removed = new LinkedHashMap<>();
        tx.executeWithoutResult(s -> {
            for (PersonalDataHolder holder : holders) {
                removed.putAll(holder.describe(id));
                holder.erase(id);
            }
            removed.put("identifiers", identity.erase(id));
            removed.put("profile", true);
            int index = identity.indexOf(id);
            AfterCommit.run(() -> decisions.forget(index));
        });
        return new Erased(id, clock.instant(), removed);
    }
}
