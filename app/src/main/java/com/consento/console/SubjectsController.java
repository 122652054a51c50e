package com.consento.console;

import com.consento.access.AccessAudit;
import com.consento.access.Permission;
import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.identity.Identifier;
import com.consento.identity.IdentityService;
import com.consento.ledger.ConsentQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/subjects}: search by POST (field {@code q}), so identifiers never reach URLs, history or access
 * logs; results and the subject page show identifiers masked. Every search and view is audited before anything
 * is shown; revealing an identifier needs a role that may and a reason; a minor's record needs ADMIN or DPO
 * (MIN-34), and a refused attempt is audited too.
 */
@Controller("consoleSubjectsController")
class SubjectsController {
    static final int MAX_REASON = 500;
    private final SubjectSearch search;
    private final IdentityService identity;
    private final ConsentQueries consents;
    private final CatalogService catalog;
    private final AccessAudit audit;
    private final ObjectProvider<RightsSummaryPort> rights;
    private final MessageSource messages;

    SubjectsController(SubjectSearch search, IdentityService identity, ConsentQueries consents, CatalogService catalog,
                       AccessAudit audit, ObjectProvider<RightsSummaryPort> rights, MessageSource messages) {
        this.search = search;
        this.identity = identity;
        this.consents = consents;
        this.catalog = catalog;
        this.audit = audit;
        this.rights = rights;
        this.messages = messages;
    }

    record Hit(String subjectId, boolean minor, boolean restricted, List<IdentifierView> identifiers) {
    }

    record IdentifierView(int index, String type, String masked, String full) {
    }

    record ConsentRow(String purpose, String purposeName, String channel, String status, Instant since,
                      String noticeVersion, Instant expiresAt, String eventId) {
    }

    record HistoryRow(String eventId, String purposeName, String channel, String action, String touchpoint,
                      Instant capturedAt, Instant recordedAt, String actorType, String noticeVersion, String receiptId,
                      String method) {
    }

    @GetMapping("/admin/subjects")
    String form(Model model) {
        model.addAttribute("searched", false);
        return "console/subjects";
    }

    @PostMapping("/admin/subjects")
    String search(@RequestParam(defaultValue = "") String q, Model model, Authentication auth) {
        Me me = Me.of(auth);
        SubjectSearch.Result result = search.search(q);
        if (result.subjectIds().isEmpty()) {
            audit.record(AccessAudit.Event.of(me.username(), AccessAudit.SEARCH_SUBJECT).identifier(result.query())
                    .detail("no match"));
        }
        List<Hit> hits = new ArrayList<>();
        for (String id : result.subjectIds()) {
            boolean minor = search.minor(id);
            boolean restricted = minor && !me.can(Permission.MINOR_READ);
            audit.record(AccessAudit.Event.of(me.username(), AccessAudit.SEARCH_SUBJECT).identifier(result.query())
                    .subject(id).detail(result.subjectIds().size() + " match(es)" + (minor ? "; minor" : "")));
            List<IdentifierView> shown = new ArrayList<>();
            if (!restricted) {
                List<Identifier> all = search.identifiers(id);
                for (int i = 0; i < all.size(); i++) {
                    shown.add(new IdentifierView(i, all.get(i).type().code(), all.get(i).masked(), null));
                }
            }
            hits.add(new Hit(id, minor, restricted, shown));
        }
        model.addAttribute("searched", true);
        // the page says what was searched for masked, and never puts the query back in the form
        model.addAttribute("searchedType", result.query() == null ? null : result.query().type().code());
        model.addAttribute("searchedFor", result.query() == null ? LedgerPageController.maskSubject(q.strip())
                : result.query().masked());
        model.addAttribute("hits", hits);
        return "console/subjects";
    }

    @GetMapping("/admin/subjects/{id}")
    String subject(@PathVariable String id, Model model, Authentication auth, Locale locale) {
        Me me = Me.of(auth);
        String subjectId = identity.requireActive(id);
        boolean minor = guardMinor(me, subjectId, AccessAudit.VIEW_SUBJECT);
        audit.record(AccessAudit.Event.of(me.username(), AccessAudit.VIEW_SUBJECT).subject(subjectId)
                .detail(minor ? "minor" : null));
        return page(model, subjectId, minor, -1, null, null, locale);
    }

    @PostMapping("/admin/subjects/{id}/reveal")
    String reveal(@PathVariable String id, @RequestParam(defaultValue = "-1") int identifier,
                  @RequestParam(defaultValue = "") String reason, Model model, Authentication auth, Locale locale) {
        Me me = Me.of(auth);
        String subjectId = identity.requireActive(id);
        boolean minor = guardMinor(me, subjectId, AccessAudit.REVEAL_IDENTIFIER);
        List<Identifier> identifiers = search.identifiers(subjectId);
        String why = reason.strip();
        if (why.length() < 5 || why.length() > MAX_REASON || identifier < 0 || identifier >= identifiers.size()) {
            audit.record(AccessAudit.Event.of(me.username(), AccessAudit.VIEW_SUBJECT).subject(subjectId)
                    .detail(minor ? "minor" : null));
            String problem = identifier < 0 || identifier >= identifiers.size() ? "console.subject.reveal.pick"
                    : "console.subject.reveal.reasonRequired";
            return page(model, subjectId, minor, -1, messages.getMessage(problem, null, locale), why, locale);
        }
        Identifier shown = identifiers.get(identifier);
        audit.record(AccessAudit.Event.of(me.username(), AccessAudit.REVEAL_IDENTIFIER).identifier(shown)
                .subject(subjectId).reason(why).detail(minor ? "minor" : null));
        return page(model, subjectId, minor, identifier, null, "", locale);
    }

    /** MIN-34: a minor's record only for roles that may read it; a refused attempt is audited as such. */
    private boolean guardMinor(Me me, String subjectId, String action) {
        boolean minor = search.minor(subjectId);
        if (minor && !me.can(Permission.MINOR_READ)) {
            audit.record(AccessAudit.Event.of(me.username(), action).subject(subjectId)
                    .detail("minor's record (MIN-34): role does not allow it").denied());
            throw new Forbidden("console.subject.minorDenied");
        }
        return minor;
    }

    private String page(Model model, String subjectId, boolean minor, int revealed, String revealError,
                        String reason, Locale locale) {
        String lang = ConsoleAdvice.lang(locale);
        Catalog snapshot = catalog.snapshot();
        List<Identifier> identifiers = search.identifiers(subjectId);
        List<IdentifierView> views = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier id = identifiers.get(i);
            views.add(new IdentifierView(i, id.type().code(), id.masked(), i == revealed ? id.value() : null));
        }
        List<ConsentRow> states = consents.consents(subjectId, null).stream()
                .map(c -> new ConsentRow(c.purpose(), name(snapshot, c.purpose(), lang), c.channel(),
                        c.status().name(), c.since(), c.noticeVersion(), c.expiresAt(), c.eventId()))
                .toList();
        List<HistoryRow> history = consents.history(subjectId).stream()
                .map(h -> new HistoryRow(h.eventId(), name(snapshot, h.purpose(), lang), h.channel(), h.action().name(),
                        h.touchpoint().name(), h.capturedAt(), h.recordedAt(), h.actorType(), h.noticeVersion(),
                        h.receiptId(), method(h.evidence())))
                .toList();
        RightsSummaryPort port = rights.getIfAvailable(() -> RightsSummaryPort.NONE);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("minor", minor);
        model.addAttribute("identifiers", views);
        model.addAttribute("consents", states);
        model.addAttribute("history", history);
        model.addAttribute("requests", port.ofSubject(subjectId));
        model.addAttribute("rightsConnected", port.connected());
        model.addAttribute("revealError", revealError);
        model.addAttribute("reason", reason == null ? "" : reason);
        return "console/subject";
    }

    private static String name(Catalog snapshot, String purpose, String lang) {
        return snapshot.purpose(purpose).map(p -> p.displayName(lang)).orElse(purpose);
    }

    private static String method(Map<String, Object> evidence) {
        Object m = evidence == null ? null : evidence.get("method");
        return m == null ? null : m.toString();
    }
}
