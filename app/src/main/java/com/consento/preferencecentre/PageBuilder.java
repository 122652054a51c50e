package com.consento.preferencecentre;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.identity.Identifier;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentQueries;
import com.consento.ledger.ConsentStatus;
import com.consento.preferences.PreferenceService;
import com.consento.preferences.Preferences;
import com.consento.preferences.Topic;
import com.consento.shared.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the page for one visit: every purpose of the catalog in plain words with its controls (unchecked
 * unless granted and in effect: APP-III.4), the preferences form, the history and what changed in the notice.
 */
@Component
class PageBuilder {
    static final int HISTORY_LIMIT = 50;
    private final CatalogService catalog;
    private final ConsentQueries queries;
    private final IdentityService identity;
    private final PreferenceService preferences;
    private final ConsentChanges changes;
    private final String personalization;

    PageBuilder(CatalogService catalog, ConsentQueries queries, IdentityService identity,
                PreferenceService preferences, ConsentChanges changes,
                @Value("${consento.purposes.personalization:personalization}") String personalization) {
        this.catalog = catalog;
        this.queries = queries;
        this.identity = identity;
        this.preferences = preferences;
        this.changes = changes;
        this.personalization = personalization;
    }

    Map<String, Object> build(Visit visit, Texts t) {
        String subjectId = visit.subjectId();
        Catalog snapshot = catalog.snapshot();
        boolean minor = changes.minor(subjectId);
        List<ConsentQueries.ConsentView> states = queries.consents(subjectId, null);
        List<ConsentQueries.HistoryEntry> history = queries.history(subjectId);
        Set<String> byGuardian = history.stream().filter(h -> "GUARDIAN".equals(h.actorType()))
                .map(ConsentQueries.HistoryEntry::eventId).collect(Collectors.toSet());
        Map<String, ConsentQueries.ConsentView> byKey = new HashMap<>();
        states.forEach(v -> byKey.put(v.purpose() + "|" + Objects.toString(v.channel(), ""), v));
        boolean locked = minor && !visit.guardianVerified();

        List<Purpose> purposes = snapshot.purposes().values().stream()
                .sorted(Comparator.comparing((Purpose p) -> !p.code().equals("marketing"))
                        .thenComparing(p -> t.name(p)).thenComparing(Purpose::code))
                .toList();
        List<PageModel.Card> messages = new ArrayList<>();
        List<PageModel.Card> uses = new ArrayList<>();
        List<PageModel.Card> separate = new ArrayList<>();
        List<PageModel.Card> necessary = new ArrayList<>();
        int[] ids = {0};
        for (Purpose p : purposes) {
            if (!p.consentGated()) {
                necessary.add(new PageModel.Card(p.code(), t.name(p), t.description(p), facts(p, t), null, null, null,
                        false, List.of()));
                continue;
            }
            boolean isSeparate = p.separateConsent() || p.needsSeparateConsent();
            String form = isSeparate ? "f-sep-" + separate.size() : "f-main";
            Notice notice = snapshot.currentNoticeFor(p.code()).orElse(null);
            List<String> channels = p.hasChannels()
                    ? p.channels().stream().sorted().map(Channel::code).toList()
                    : java.util.Collections.singletonList(null);
            List<PageModel.Control> controls = new ArrayList<>();
            for (String channel : channels) {
                ConsentQueries.ConsentView v = byKey.get(p.code() + "|" + Objects.toString(channel, ""));
                ConsentStatus status = v == null ? null : v.status();
                boolean effective = status == ConsentStatus.GRANTED && (!minor || byGuardian.contains(v.eventId()));
                boolean disabled = locked || (notice == null && !effective);
                controls.add(new PageModel.Control("c" + (++ids[0]), p.code() + "|" + Objects.toString(channel, ""),
                        p.code(), channel, form, t.labelPrefix(p, channel), t.labelVisible(p, channel), effective,
                        disabled, t.status(status, v == null ? null : v.since(), effective)));
            }
            String note = notice == null ? t.get("pc.note.noNotice") : null;
            String promise = p.code().equals(personalization) ? t.get("pc.promise.personalization") : null;
            PageModel.Card card = new PageModel.Card(p.code(), t.name(p), t.description(p), facts(p, t), promise, note,
                    form, isSeparate, controls);
            (isSeparate ? separate : p.hasChannels() ? messages : uses).add(card);
        }

        Map<String, Object> model = new HashMap<>();
        model.put("who", who(subjectId));
        model.put("minor", minor);
        model.put("locked", locked);
        model.put("sections", List.of(
                new PageModel.Section("messages", t.get("pc.section.messages"), t.get("pc.section.messages.intro"), messages),
                new PageModel.Section("uses", t.get("pc.section.uses"), t.get("pc.section.uses.intro"), uses)));
        model.put("separate", new PageModel.Section("separate", t.get("pc.section.separate"),
                t.get("pc.section.separate.intro"), separate));
        model.put("necessary", new PageModel.Section("necessary", t.get("pc.section.necessary"),
                t.get("pc.section.necessary.intro"), necessary));
        model.put("grantedCount", states.stream().filter(v -> v.status() == ConsentStatus.GRANTED).count());
        model.put("history", history(history, snapshot, t));
        model.put("notice", notice(history, snapshot, t));
        model.put("prefs", preferencesForm(preferences.preferences(subjectId), t));
        return model;
    }

    private static List<PageModel.Fact> facts(Purpose p, Texts t) {
        List<PageModel.Fact> facts = new ArrayList<>();
        if (!p.dataCategories().isEmpty()) {
            facts.add(new PageModel.Fact(t.get("pc.fact.data"),
                    t.list(p.dataCategories().stream().map(t::dataCategory).toList())));
        }
        facts.add(new PageModel.Fact(t.get("pc.fact.recipients"), p.recipients().isEmpty() ? t.get("pc.fact.recipients.us")
                : t.list(p.recipients())));
        facts.add(new PageModel.Fact(t.get("pc.fact.retention"), t.duration(p.retentionDays())));
        if (p.consentGated()) {
            facts.add(new PageModel.Fact(t.get("pc.fact.validity"), p.validityDays() == 0 ? t.get("pc.fact.validity.none")
                    : t.get("pc.fact.validity.days", t.duration(p.validityDays()))));
        }
        String basis = p.consentGated() && (p.separateConsent() || p.needsSeparateConsent())
                ? t.get("pc.basis.SEPARATE_CONSENT") : t.get("pc.basis." + p.legalBasis().name());
        facts.add(new PageModel.Fact(t.get("pc.fact.basis"), basis));
        if (p.sensitive()) {
            facts.add(new PageModel.Fact(t.get("pc.fact.sensitive"), t.get("pc.fact.sensitive.yes")));
        }
        if (p.crossBorder()) {
            facts.add(new PageModel.Fact(t.get("pc.fact.crossBorder"), t.orElse("pc.transfer." + p.transferMechanism(),
                    Objects.toString(p.transferMechanism(), ""))));
        }
        return facts;
    }

    private String who(String subjectId) {
        List<Identifier> ids = identity.identifiers(subjectId);
        for (IdentifierType type : List.of(IdentifierType.PHONE, IdentifierType.EMAIL, IdentifierType.MEMBER)) {
            for (Identifier id : ids) {
                if (id.type() == type) {
                    return id.masked();
                }
            }
        }
        return null;
    }

    private static List<PageModel.HistoryLine> history(List<ConsentQueries.HistoryEntry> entries, Catalog snapshot,
                                                       Texts t) {
        List<PageModel.HistoryLine> lines = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && lines.size() < HISTORY_LIMIT; i--) {
            ConsentQueries.HistoryEntry e = entries.get(i);
            String name = snapshot.purpose(e.purpose()).map(t::name).orElse(e.purpose());
            String what = e.channel() == null ? t.get("pc.history." + e.action().name(), name)
                    : t.get("pc.history." + e.action().name() + ".channel", name, t.channel(e.channel()));
            String where = t.orElse("pc.touchpoint." + e.touchpoint().name(), e.touchpoint().name());
            Object store = e.evidence() == null ? null : e.evidence().get("storeId");
            if (store != null) {
                where = t.get("pc.touchpoint.storeId", where, store);
            }
            lines.add(new PageModel.HistoryLine(t.when(e.capturedAt()), where, what, "GUARDIAN".equals(e.actorType())));
        }
        return lines;
    }

    /**
     * The notice now in force for what the person agreed to (or the latest, if they never agreed), and what
     * changed since the version of their latest grant.
     */
    private static PageModel.NoticeInfo notice(List<ConsentQueries.HistoryEntry> history, Catalog snapshot, Texts t) {
        ConsentQueries.HistoryEntry lastGrant = null;
        for (ConsentQueries.HistoryEntry e : history) {
            if (e.action() == Action.GRANT && e.noticeVersion() != null) {
                lastGrant = e;
            }
        }
        Notice agreed = lastGrant == null ? null : snapshot.notice(lastGrant.noticeVersion()).orElse(null);
        Notice current;
        if (agreed != null) {
            current = snapshot.currentNoticeFor(lastGrant.purpose()).orElse(agreed);
        } else {
            List<Notice> all = snapshot.notices();
            current = all.isEmpty() ? null : all.get(all.size() - 1);
        }
        if (current == null) {
            return null;
        }
        boolean changed = agreed != null && current.sequence() > agreed.sequence();
        boolean material = false;
        List<PageModel.DiffLine> diff = List.of();
        if (changed) {
            String purpose = lastGrant.purpose();
            long from = agreed.sequence();
            long to = current.sequence();
            material = snapshot.notices().stream().anyMatch(n -> n.sequence() > from && n.sequence() <= to
                    && n.material() && n.covers(purpose));
            diff = LineDiff.changes(agreed.body(), current.body()).stream()
                    .map(l -> new PageModel.DiffLine(l.kind() == LineDiff.Kind.ADDED ? "added" : "removed",
                            l.kind() == LineDiff.Kind.ADDED ? "+" : "−", l.text()))
                    .toList();
        }
        return new PageModel.NoticeInfo(current.title(), current.version(), t.day(current.takesEffectAt()),
                current.body(), current.url(), current.handler() == null ? null : current.handler().name(),
                current.handler() == null ? null : current.handler().contact(), current.officerContact(),
                current.rights(), agreed == null ? null : agreed.version(), changed, material, diff);
    }

    private static PageModel.PreferencesForm preferencesForm(Preferences p, Texts t) {
        List<PageModel.TopicBox> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new PageModel.TopicBox("topic-" + topic.code(), topic.code(), t.get("pc.topic." + topic.code()),
                    p.topics().contains(topic)));
        }
        return new PageModel.PreferencesForm(topics, String.join(t.get("pc.prefs.joiner"), p.categories()),
                String.join(t.get("pc.prefs.joiner"), p.brands()),
                p.maxMessagesPerWeek() == null ? "" : p.maxMessagesPerWeek().toString(),
                p.quietHours() == null ? "" : p.quietHours().start().toString(),
                p.quietHours() == null ? "" : p.quietHours().end().toString(),
                p.language() == null ? "" : p.language(), p.updatedAt() == null ? null : t.when(p.updatedAt()));
    }
}
