package com.consento.preferencecentre;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.identity.ProfileService;
import com.consento.identity.RawIdentifier;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.ConsentQueries;
import com.consento.ledger.ConsentStatus;
import com.consento.ledger.LedgerService;
import com.consento.shared.Channel;
import com.consento.shared.InvalidRequest;
import com.consento.shared.Sha256;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what the person does on the page, one act per control (SEP-0), through the ledger like every
 * channel: touchpoint WEB (APP via the app), the current notice that lists the purpose, evidence method
 * {@value #METHOD} with the SHA-256 of the label shown, and the verified guardian as actor for a child.
 * A change that is already in effect records nothing, so a repeated click or form never doubles an event.
 */
@Component
class ConsentChanges {
    static final String METHOD = "preference-centre";
    private static final int ADULT_AGE = 14;
    private static final int MAX_USER_AGENT = 500;
    private static final Logger log = LoggerFactory.getLogger(ConsentChanges.class);
    private final LedgerService ledger;
    private final ConsentQueries queries;
    private final CatalogService catalog;
    private final ProfileService profiles;
    private final Clock clock;
    private final Object[] locks = new Object[64];
    /** Capture times only move forward, so two clicks in one millisecond keep their order (a withdrawal would win a tie). */
    private final java.util.concurrent.atomic.AtomicLong lastCapture = new java.util.concurrent.atomic.AtomicLong();

    ConsentChanges(LedgerService ledger, ConsentQueries queries, CatalogService catalog, ProfileService profiles,
                   Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.catalog = catalog;
        this.profiles = profiles;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** One click: grant or withdraw one key. */
    record Change(String purpose, String channel, boolean grant) {
    }

    /** Where and how the person acted, for the evidence. */
    record Context(Visit visit, Texts texts, String ip, String userAgent) {
    }

    /** The key after the change, and whether an event was recorded. */
    record Result(boolean recorded, ConsentStatus status, boolean effective, ConsentQueries.ConsentView view) {
    }

    /** A change the page refuses, with the message key that says why. */
    static final class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    Optional<Purpose> catalogPurpose(String code) {
        return catalog.snapshot().purpose(code);
    }

    /** Under 14 today (PIPL-31a), from the profile's birth date. */
    boolean minor(String subjectId) {
        Object birth = profiles.profile(subjectId).get("birthDate");
        if (birth == null) {
            return false;
        }
        try {
            return LocalDate.parse(birth.toString()).plusYears(ADULT_AGE).isAfter(LocalDate.now(clock));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The current state of one key, or null when never asked. */
    ConsentQueries.ConsentView state(String subjectId, String purpose, String channel) {
        return queries.consents(subjectId, null).stream()
                .filter(v -> v.purpose().equals(purpose) && Objects.equals(v.channel(), channel)).findFirst()
                .orElse(null);
    }

    /** Ids of the subject's events a guardian made. */
    Set<String> guardianEvents(String subjectId) {
        return queries.history(subjectId).stream().filter(h -> "GUARDIAN".equals(h.actorType()))
                .map(ConsentQueries.HistoryEntry::eventId).collect(Collectors.toSet());
    }

    Result apply(Change change, Context ctx) {
        Visit visit = ctx.visit();
        String subjectId = visit.subjectId();
        Catalog snapshot = catalog.snapshot();
        Purpose purpose = snapshot.purpose(change.purpose()).orElseThrow(() -> new Refused("pc.error.unknown"));
        if (!purpose.consentGated()) {
            throw new Refused("pc.error.notConsent");
        }
        String channel = change.channel() == null || change.channel().isBlank() ? null : change.channel();
        boolean channelOk = purpose.hasChannels()
                ? channel != null && purpose.channels().contains(Channel.ofCode(channel)) : channel == null;
        if (!channelOk) {
            throw new Refused("pc.error.unknown");
        }
        boolean minor = minor(subjectId);
        if (change.grant() && minor && !visit.guardianVerified()) {
            throw new Refused("pc.error.guardian");
        }
        synchronized (lock(subjectId)) {
            ConsentQueries.ConsentView current = state(subjectId, purpose.code(), channel);
            boolean effective = current != null && current.status() == ConsentStatus.GRANTED
                    && (!minor || guardianEvents(subjectId).contains(current.eventId()));
            if (change.grant() ? effective : current == null || current.status() != ConsentStatus.GRANTED) {
                return new Result(false, current == null ? null : current.status(), effective, current);
            }
            Notice notice = snapshot.currentNoticeFor(purpose.code()).orElse(null);
            if (change.grant() && notice == null) {
                throw new Refused("pc.error.noNotice");
            }
            record(List.of(event(subjectId, purpose.code(), channel, change.grant() ? "GRANT" : "WITHDRAW",
                    notice == null ? current.noticeVersion() : notice.version(), ctx,
                    ctx.texts().label(purpose, channel), captureTime())));
            ConsentQueries.ConsentView after = state(subjectId, purpose.code(), channel);
            return new Result(true, after == null ? null : after.status(), change.grant(), after);
        }
    }

    /** Withdraws every granted key of the subject in one act; returns how many. */
    int withdrawAll(Context ctx, String buttonText) {
        String subjectId = ctx.visit().subjectId();
        Catalog snapshot = catalog.snapshot();
        synchronized (lock(subjectId)) {
            List<ConsentEventBody> events = new ArrayList<>();
            String at = captureTime();
            for (ConsentQueries.ConsentView v : queries.consents(subjectId, null)) {
                if (v.status() == ConsentStatus.GRANTED) {
                    String notice = snapshot.currentNoticeFor(v.purpose()).map(Notice::version).orElse(v.noticeVersion());
                    events.add(event(subjectId, v.purpose(), v.channel(), "WITHDRAW", notice, ctx, buttonText, at));
                }
            }
            if (!events.isEmpty()) {
                record(events);
            }
            return events.size();
        }
    }

    private void record(List<ConsentEventBody> events) {
        try {
            ledger.record(events, null, null);
        } catch (InvalidRequest e) {
            log.warn("preference centre change refused by the ledger: {}", e.getMessage());
            throw new Refused("pc.error.failed");
        }
    }

    private ConsentEventBody event(String subjectId, String purpose, String channel, String action, String notice,
                                   Context ctx, String uiText, String capturedAt) {
        Visit visit = ctx.visit();
        ConsentEventBody.ActorBody actor = visit.guardianVerified()
                ? new ConsentEventBody.ActorBody("GUARDIAN", List.of(new RawIdentifier("phone", visit.guardianPhone())),
                visit.guardianRelationship())
                : new ConsentEventBody.ActorBody("SUBJECT", null, null);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("method", METHOD);
        evidence.put("uiTextHash", Sha256.hex(uiText));
        evidence.put("language", ctx.texts().lang());
        if (ctx.ip() != null) {
            evidence.put("ip", ctx.ip());
        }
        if (ctx.userAgent() != null) {
            evidence.put("userAgent", ctx.userAgent().length() > MAX_USER_AGENT
                    ? ctx.userAgent().substring(0, MAX_USER_AGENT) : ctx.userAgent());
        }
        return new ConsentEventBody(new ConsentEventBody.SubjectRef(subjectId, null), purpose, channel, action, notice,
                visit.touchpoint(), capturedAt, actor, evidence);
    }

    private String captureTime() {
        long now = clock.millis();
        return java.time.Instant.ofEpochMilli(lastCapture.updateAndGet(prev -> Math.max(now, prev + 1))).toString();
    }

    private Object lock(String subjectId) {
        return locks[Math.floorMod(subjectId.hashCode(), locks.length)];
    }
}
