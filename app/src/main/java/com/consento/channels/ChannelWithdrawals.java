package com.consento.channels;

import com.consento.ledger.Action;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.ConsentQueries;
import com.consento.ledger.ConsentStatus;
import com.consento.ledger.LedgerService;
import com.consento.ledger.Receipt;
import com.consento.ledger.Touchpoint;
import com.consento.shared.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * DESIGN "Built-in purposes": a stop reply by SMS or a one-click unsubscribe withdraws every granted consent
 * of that subject on that channel, whatever the purpose: one WITHDRAW event per such key, captured when the
 * person acted. Keys granted after that moment are left alone; nothing else changes.
 */
@Service
class ChannelWithdrawals {
    private static final int BATCH = 1000;
    private final ConsentQueries queries;
    private final LedgerService ledger;

    ChannelWithdrawals(ConsentQueries queries, LedgerService ledger) {
        this.queries = queries;
        this.ledger = ledger;
    }

    record Withdrawn(String purpose, String channel, String eventId) {
    }

    /** The keys of this subject on this channel that stand granted at {@code at} (outdated grants too). */
    List<String> grantedPurposes(String subjectId, Channel channel, Instant at) {
        return queries.consents(subjectId, at).stream()
                .filter(c -> channel.code().equals(c.channel()))
                .filter(c -> c.status() == ConsentStatus.GRANTED || c.status() == ConsentStatus.NOTICE_OUTDATED)
                .map(ConsentQueries.ConsentView::purpose).toList();
    }

    List<Withdrawn> withdrawAll(String subjectId, Channel channel, Touchpoint touchpoint, Instant at,
                                Map<String, Object> evidence) {
        List<String> purposes = grantedPurposes(subjectId, channel, at);
        List<Withdrawn> done = new ArrayList<>(purposes.size());
        for (int from = 0; from < purposes.size(); from += BATCH) {
            List<String> chunk = purposes.subList(from, Math.min(purposes.size(), from + BATCH));
            List<ConsentEventBody> events = chunk.stream().map(p -> new ConsentEventBody(
                    new ConsentEventBody.SubjectRef(subjectId, null), p, channel.code(), Action.WITHDRAW.name(), null,
                    touchpoint.name(), at.toString(), null, evidence)).toList();
            List<Receipt> receipts = ledger.record(events, null, null).receipts();
            for (int i = 0; i < chunk.size(); i++) {
                done.add(new Withdrawn(chunk.get(i), channel.code(), receipts.get(i).eventId()));
            }
        }
        return done;
    }
}
