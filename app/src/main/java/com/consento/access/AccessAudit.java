package com.consento.access;

import com.consento.identity.Identifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The access audit log's API (PIPL-51, MIN-34): every staff read of personal data is recorded at once — in
 * its own statement, committed before the data is shown — with the staff user, the action, the identifier
 * masked, the subject id and the reason. Called inside a caller's transaction, the entry joins it.
 */
@Service
public class AccessAudit {
    public static final String SEARCH_SUBJECT = "SEARCH_SUBJECT";
    public static final String VIEW_SUBJECT = "VIEW_SUBJECT";
    public static final String REVEAL_IDENTIFIER = "REVEAL_IDENTIFIER";
    public static final String VIEW_RECEIPT = "VIEW_RECEIPT";
    public static final String EXPORT = "EXPORT";
    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String CREATE_STAFF = "CREATE_STAFF";
    /** A breach-scope report was produced (PIPL-57): who asked, for which window. */
    public static final String BREACH_SCOPE = "BREACH_SCOPE";
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private final AccessStore store;
    private final Clock clock;

    AccessAudit(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * What happened. {@code identifier} (optional) is stored masked; {@code reason} and {@code detail} are free
     * text, stored with any phone number or e-mail in them masked.
     */
    public record Event(String staff, String action, boolean allowed, Identifier identifier, String subjectId,
                        String reason, String detail) {

        public static Event of(String staff, String action) {
            return new Event(staff, action, true, null, null, null, null);
        }

        public Event identifier(Identifier value) {
            return new Event(staff, action, allowed, value, subjectId, reason, detail);
        }

        public Event subject(String value) {
            return new Event(staff, action, allowed, identifier, value, reason, detail);
        }

        public Event reason(String value) {
            return new Event(staff, action, allowed, identifier, subjectId, value, detail);
        }

        public Event detail(String value) {
            return new Event(staff, action, allowed, identifier, subjectId, reason, value);
        }

        /** The attempt was refused (e.g. a role that may not read a minor's record); it is logged all the same. */
        public Event denied() {
            return new Event(staff, action, false, identifier, subjectId, reason, detail);
        }
    }

    /** Shorthand for an allowed read of one subject. */
    public AuditEntry record(String staff, String action, Identifier identifier, String subjectId, String reason) {
        return record(Event.of(staff, action).identifier(identifier).subject(subjectId).reason(reason));
    }

    public AuditEntry record(Event e) {
        if (e.staff() == null || e.staff().isBlank()) {
            throw new IllegalArgumentException("an audit entry names the staff user");
        }
        if (e.action() == null || !ACTION.matcher(e.action()).matches()) {
            throw new IllegalArgumentException("an audit action is upper-case, e.g. VIEW_SUBJECT: " + e.action());
        }
        Instant at = clock.instant();
        AccessStore.AuditRow row = new AccessStore.AuditRow("aud_" + UUID.randomUUID().toString().replace("-", ""),
                at.toEpochMilli(), cut(e.staff(), 64), e.action(), e.allowed(),
                e.identifier() == null ? null : cut(e.identifier().type().code() + ":" + e.identifier().masked(), 200),
                cut(e.subjectId(), 40), cut(TextMasking.mask(e.reason()), 500), cut(TextMasking.mask(e.detail()), 500));
        store.insertAudit(row);
        return entry(row);
    }

    public List<AuditEntry> find(AuditFilter filter) {
        return store.audit(filter).stream().map(AccessAudit::entry).toList();
    }

    /** The actions recorded so far, for filters. */
    public List<String> actions() {
        return store.auditActions();
    }

    private static AuditEntry entry(AccessStore.AuditRow r) {
        return new AuditEntry(r.id(), Instant.ofEpochMilli(r.occurredAt()), r.staff(), r.action(), r.allowed(),
                r.maskedIdentifier(), r.subjectId(), r.reason(), r.detail());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
