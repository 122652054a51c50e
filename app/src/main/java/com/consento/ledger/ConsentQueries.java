package com.consento.ledger;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.PurposeTerms;
import com.consento.identity.IdentityService;
import com.consento.identity.SubjectKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A subject's consents now or at any past moment, and its history, replayed from the ledger itself. */
@Service
public class ConsentQueries {
    private final LedgerStore store;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final SubjectKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    ConsentQueries(LedgerStore store, CatalogService catalog, IdentityService identity, SubjectKeys keys,
                   JsonMapper json, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.identity = identity;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    public record ConsentView(String purpose, String channel, ConsentStatus status, Instant since,
                              String noticeVersion, Instant expiresAt, String eventId) {
    }

    public record HistoryEntry(String eventId, String purpose, String channel, Action action, String noticeVersion,
                               Touchpoint touchpoint, Instant capturedAt, Instant recordedAt, String actorType,
                               Map<String, Object> actor, Map<String, Object> evidence, String receiptId,
                               String hash) {
    }

    /** The state of every key the subject was ever asked about, as it stood at {@code at} (null = now). */
    public List<ConsentView> consents(String subjectId, Instant at) {
        String id = identity.requireActive(subjectId);
        long when = at == null ? clock.millis() : at.toEpochMilli();
        Catalog snapshot = catalog.snapshot();
        return StateReplay.winners(events(id), when).values().stream()
                .sorted(Comparator.comparing(RecordedEvent::purpose).thenComparing(RecordedEvent::channel))
                .map(e -> view(e, snapshot, when)).toList();
    }

    private static ConsentView view(RecordedEvent e, Catalog snapshot, long at) {
        PurposeTerms terms = snapshot.terms(e.purpose());
        long seq = e.noticeVersion() == null ? 0
                : snapshot.notice(e.noticeVersion()).map(n -> n.sequence()).orElse(0L);
        ConsentStatus status = StatusRule.status(e.action(), e.capturedAt(), seq, terms, at);
        long expires = e.action() == Action.GRANT && terms != null ? terms.expiresAt(e.capturedAt()) : 0;
        return new ConsentView(e.purpose(), e.channel().isEmpty() ? null : e.channel(), status,
                Instant.ofEpochMilli(e.capturedAt()), e.noticeVersion(), expires == 0 ? null : Instant.ofEpochMilli(expires),
                Long.toString(e.id()));
    }

    public List<HistoryEntry> history(String subjectId) {
        String id = identity.requireActive(subjectId);
        return events(id).stream().sorted(ConsentOrder.ORDER).map(e -> new HistoryEntry(Long.toString(e.id()),
                e.purpose(), e.channel().isEmpty() ? null : e.channel(), e.action(), e.noticeVersion(), e.touchpoint(),
                Instant.ofEpochMilli(e.capturedAt()), Instant.ofEpochMilli(e.recordedAt()), e.actorType(),
                open(e.subjectId(), e.actorEnc()), open(e.subjectId(), e.evidenceEnc()), e.receiptId(), e.hash()))
                .toList();
    }

    /** The subject's events and those of every subject merged into it. */
    private List<RecordedEvent> events(String subjectId) {
        List<RecordedEvent> all = new java.util.ArrayList<>(store.eventsOf(subjectId));
        identity.mergedInto(subjectId).forEach(merged -> all.addAll(store.eventsOf(merged)));
        return all;
    }

    private Map<String, Object> open(String subjectId, String sealed) {
        String plain = keys.decrypt(subjectId, sealed);
        return plain == null ? null : json.readValue(plain, new TypeReference<Map<String, Object>>() { });
    }
}
