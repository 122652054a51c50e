package com.consento.ledger;

import com.consento.catalog.Catalog;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.identity.Identifier;
import com.consento.identity.RawIdentifier;
import com.consento.shared.Channel;
import com.consento.shared.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a batch against the consent model before anything is written (PIPL-14a, PIPL-17a, SEP-0), and
 * reports every problem with a JSON Pointer into the batch.
 */
final class EventValidator {
    static final int MAX_BATCH = 1000;
    private static final long MAX_FUTURE_MILLIS = 5 * 60_000L;
    private static final int MAX_EVIDENCE_VALUE = 2000;

    private EventValidator() {
    }

    static List<ValidEvent> validate(List<ConsentEventBody> events, Catalog catalog, long now, Problems problems) {
        if (events == null || events.isEmpty()) {
            problems.add("/events", "a batch needs at least one event");
            return List.of();
        }
        if (events.size() > MAX_BATCH) {
            problems.add("/events", "a batch holds at most " + MAX_BATCH + " events; this one has " + events.size());
            return List.of();
        }
        List<ValidEvent> valid = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ValidEvent v = one(events.get(i), "/events/" + i, catalog, now, problems);
            valid.add(v);
        }
        separateConsentIsOneActEach(events, valid, catalog, problems);
        return problems.isEmpty() ? valid : List.of();
    }

    private static ValidEvent one(ConsentEventBody e, String at, Catalog catalog, long now, Problems problems) {
        if (e == null) {
            problems.add(at, "event is null");
            return null;
        }
        String subjectId = null;
        List<Identifier> identifiers = List.of();
        if (e.subject() == null || (blank(e.subject().id()) && e.subject().identifiers() == null)) {
            problems.add(at + "/subject", "name the subject by {\"id\": …} or {\"identifiers\": [{\"type\", \"value\"}]}");
        } else if (!blank(e.subject().id())) {
            subjectId = e.subject().id();
        } else {
            identifiers = RawIdentifier.parseAll(e.subject().identifiers(), at + "/subject/identifiers", problems);
        }
        Purpose purpose = null;
        if (blank(e.purpose())) {
            problems.add(at + "/purpose", "purpose is required");
        } else {
            purpose = catalog.purpose(e.purpose()).orElse(null);
            problems.require(purpose != null, at + "/purpose", "unknown purpose '" + e.purpose() + "'");
        }
        String channel = channel(e.channel(), purpose, at, problems);
        Action action = parse(Action.class, e.action(), at + "/action", "GRANT, WITHDRAW, DENY or EXPIRE", problems);
        if (action == Action.MERGE) {
            problems.add(at + "/action", "merges are recorded by POST /api/v1/subjects/merge, not as consent events");
            action = null;
        }
        Touchpoint touchpoint = parse(Touchpoint.class, e.touchpoint(), at + "/touchpoint",
                "WEB, APP, MINI_PROGRAM, STORE, CALL_CENTER, SMS, EMAIL, IMPORT, API or SYSTEM", problems);
        long noticeSequence = notice(e, action, purpose, catalog, at, problems);
        long capturedAt = capturedAt(e.capturedAt(), now, at, problems);
        ValidEvent.Guardian guardian = actor(e.actor(), at + "/actor", problems);
        Map<String, String> evidence = evidence(e.evidence(), at + "/evidence", problems);
        if (purpose != null && action == Action.GRANT && !purpose.consentGated()) {
            problems.add(at + "/purpose", "purpose '" + purpose.code() + "' rests on " + purpose.legalBasis()
                    + ", not consent: there is nothing to grant (PIPL-13a)");
        }
        return new ValidEvent(subjectId, identifiers, e.purpose(), channel, action, e.noticeVersion(), noticeSequence,
                touchpoint, capturedAt, guardian, evidence);
    }

    private static String channel(String raw, Purpose purpose, String at, Problems problems) {
        if (blank(raw)) {
            problems.require(purpose == null || !purpose.hasChannels(), at + "/channel",
                    "purpose '" + (purpose == null ? "" : purpose.code()) + "' is given per channel: name one of "
                            + (purpose == null ? "" : purpose.channels().stream().map(Channel::code).sorted().toList()));
            return "";
        }
        Channel channel = Channel.ofCode(raw);
        if (channel == null) {
            problems.add(at + "/channel", "unknown channel '" + raw + "'");
            return "";
        }
        if (purpose != null && !purpose.channels().contains(channel)) {
            problems.add(at + "/channel", "purpose '" + purpose.code() + "' does not apply to channel '" + raw + "'");
        }
        return channel.code();
    }

    private static long notice(ConsentEventBody e, Action action, Purpose purpose, Catalog catalog, String at,
                               Problems problems) {
        if (blank(e.noticeVersion())) {
            problems.require(action != Action.GRANT, at + "/noticeVersion",
                    "a grant cites the notice version the person was shown (PIPL-14a)");
            return 0;
        }
        Notice notice = catalog.notice(e.noticeVersion()).orElse(null);
        if (notice == null) {
            problems.add(at + "/noticeVersion", "notice version '" + e.noticeVersion() + "' is not published (PIPL-17a)");
            return 0;
        }
        if (action == Action.GRANT && purpose != null && !notice.covers(purpose.code())) {
            problems.add(at + "/noticeVersion", "notice version '" + notice.version() + "' does not list purpose '"
                    + purpose.code() + "': a grant needs a notice that told the person about it");
        }
        return notice.sequence();
    }

    private static long capturedAt(String raw, long now, String at, Problems problems) {
        if (blank(raw)) {
            problems.add(at + "/capturedAt", "capturedAt (when the person acted, ISO-8601) is required");
            return 0;
        }
        try {
            long t = Instant.parse(raw).toEpochMilli();
            problems.require(t <= now + MAX_FUTURE_MILLIS, at + "/capturedAt",
                    "capturedAt is more than 5 minutes in the future");
            return t;
        } catch (DateTimeParseException | ArithmeticException ex) {
            problems.add(at + "/capturedAt", "capturedAt must be an ISO-8601 instant such as 2026-11-30T01:00:00Z");
            return 0;
        }
    }

    private static ValidEvent.Guardian actor(ConsentEventBody.ActorBody actor, String at, Problems problems) {
        if (actor == null || actor.type() == null || "SUBJECT".equals(actor.type())) {
            return null;
        }
        if (!"GUARDIAN".equals(actor.type())) {
            problems.add(at + "/type", "the actor is the subject (SUBJECT) or a verified guardian (GUARDIAN) (PIPL-14a)");
            return null;
        }
        List<Identifier> ids = RawIdentifier.parseAll(actor.identifiers(), at + "/identifiers", problems);
        problems.require(!blank(actor.relationship()), at + "/relationship",
                "a guardian's relationship to the subject is required, e.g. parent");
        return new ValidEvent.Guardian(ids, actor.relationship());
    }

    private static Map<String, String> evidence(Map<String, Object> raw, String at, Problems problems) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (raw == null) {
            return kept;
        }
        raw.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            String s = v instanceof String str ? str : String.valueOf(v);
            if (s.length() > MAX_EVIDENCE_VALUE) {
                problems.add(at + "/" + k, "evidence values are at most " + MAX_EVIDENCE_VALUE + " characters");
            } else {
                kept.put(k, s);
            }
        });
        problems.require(kept.size() <= 32, at, "at most 32 evidence fields");
        return kept;
    }

    /** SEP-0: one act grants one separate-consent purpose. Grants sharing subject, time and touchpoint are one act. */
    private static void separateConsentIsOneActEach(List<ConsentEventBody> events, List<ValidEvent> valid,
                                                   Catalog catalog, Problems problems) {
        Map<List<Object>, List<Integer>> acts = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            ValidEvent v = valid.get(i);
            if (v == null || v.action() != Action.GRANT) {
                continue;
            }
            boolean separate = catalog.purpose(v.purpose()).map(Purpose::separateConsent).orElse(false);
            if (separate) {
                // identifiers compare by their normalised values (their toString is masked)
                List<Object> act = List.of(Objects.toString(v.subjectId(), ""), v.identifiers(), v.capturedAt(),
                        String.valueOf(v.touchpoint()));
                acts.computeIfAbsent(act, k -> new ArrayList<>()).add(i);
            }
        }
        acts.values().stream().filter(idx -> idx.stream().map(i -> valid.get(i).purpose()).distinct().count() > 1)
                .flatMap(List::stream)
                .forEach(i -> problems.add("/events/" + i + "/purpose", "purpose '" + events.get(i).purpose()
                        + "' needs separate consent: it must be granted in its own act, not together with another "
                        + "separate-consent purpose (SEP-0)"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String at, String allowed, Problems problems) {
        if (blank(raw)) {
            problems.add(at, "required: " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException ex) {
            problems.add(at, "'" + raw + "' is not one of " + allowed);
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
