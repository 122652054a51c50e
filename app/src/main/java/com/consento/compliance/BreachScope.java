package com.consento.compliance;

import com.consento.access.AccessAudit;
import com.consento.access.AuditEntry;
import com.consento.access.AuditFilter;
import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Purpose;
import com.consento.identity.IdentityService;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.ConsentHolders;
import com.consento.shared.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The breach scope (PIPL-57), from the access audit log and the ledger only: staff accesses to personal data in
 * the window, the subjects they read, and — for the purposes or data categories asked for — the subjects whose
 * last word at the window's end was a grant. Subject ids only; each call is itself audited.
 */
@Service
class BreachScope {
    /** What a staff read of a subject shows besides an identifier: consents, history, requests. */
    static final String STAFF_READ_CATEGORY = "consent_record";
    private final AccessAudit audit;
    private final ConsentHolders holders;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final Clock clock;

    BreachScope(AccessAudit audit, ConsentHolders holders, CatalogService catalog, IdentityService identity,
                Clock clock) {
        this.audit = audit;
        this.holders = holders;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    /** {@code purposes} and {@code categories} may be empty: then only the staff reads make the scope. */
    record Query(Instant from, Instant to, Set<String> purposes, Set<String> categories) {
    }

    /** An affected subject while the scope is gathered. */
    private static final class Affected {
        boolean readByStaff;
        final Set<String> purposes = new TreeSet<>();
        final Set<String> categories = new TreeSet<>();
    }

    BreachReport scope(Query q, String caller) {
        List<Purpose> selected = select(catalog.snapshot(), q.purposes(), q.categories());
        Map<String, Affected> affected = new TreeMap<>();
        List<BreachReport.StaffAccess> accesses = new ArrayList<>();
        boolean truncated = false;
        for (String action : audit.actions()) {
            List<AuditEntry> found = audit.find(new AuditFilter(null, action, null, q.from(), q.to(), false,
                    AuditFilter.MAX));
            truncated |= found.size() >= AuditFilter.MAX;
            found.stream().filter(e -> e.subjectId() != null).map(BreachScope::access).forEach(accesses::add);
        }
        accesses.sort(Comparator.comparing(BreachReport.StaffAccess::at).thenComparing(BreachReport.StaffAccess::staff));
        for (BreachReport.StaffAccess a : accesses) {
            if (a.allowed()) {
                Affected s = affected.computeIfAbsent(a.subjectId(), id -> new Affected());
                s.readByStaff = true;
                s.categories.add(STAFF_READ_CATEGORY);
                if (a.identifierType() != null) {
                    s.categories.add(a.identifierType());
                }
            }
        }
        Map<String, Purpose> consentBased = new TreeMap<>();
        selected.stream().filter(Purpose::consentGated).forEach(p -> consentBased.put(p.code(), p));
        Map<String, Integer> byPurpose = new TreeMap<>();
        for (ConsentHolders.Holding h : holders.grantedAt(consentBased.keySet(), q.to().toEpochMilli())) {
            Affected s = affected.computeIfAbsent(h.subjectId(), id -> new Affected());
            if (s.purposes.add(h.purpose())) {
                byPurpose.merge(h.purpose(), 1, Integer::sum);
            }
            s.categories.addAll(categoriesOf(consentBased.get(h.purpose()), q.categories()));
        }
        BreachReport report = report(q, selected, accesses, truncated, affected, byPurpose);
        audit.record(AccessAudit.Event.of(caller, AccessAudit.BREACH_SCOPE).detail("window " + q.from() + " to "
                + q.to() + "; purposes " + report.selection().purposes() + "; " + report.counts().subjects()
                + " subjects, " + accesses.size() + " staff accesses"));
        return report;
    }

    private BreachReport report(Query q, List<Purpose> selected, List<BreachReport.StaffAccess> accesses,
                                boolean truncated, Map<String, Affected> affected, Map<String, Integer> byPurpose) {
        SubjectDirectory directory = identity.directory();
        long dayAtEnd = LocalDate.ofInstant(q.to(), clock.getZone()).toEpochDay();
        List<BreachReport.Subject> subjects = new ArrayList<>(affected.size());
        Map<String, Integer> byCategory = new TreeMap<>();
        int minors = 0;
        int readByStaff = 0;
        for (Map.Entry<String, Affected> e : affected.entrySet()) {
            int index = identity.indexOf(e.getKey());
            int adultFrom = index < 0 ? SubjectDirectory.NO_MINOR : directory.adultFromDay(index);
            boolean minor = adultFrom != SubjectDirectory.NO_MINOR && adultFrom > dayAtEnd;
            boolean erased = index >= 0 && directory.status(index) == SubjectDirectory.ERASED;
            Affected a = e.getValue();
            subjects.add(new BreachReport.Subject(e.getKey(), minor, erased, a.readByStaff, List.copyOf(a.purposes),
                    List.copyOf(a.categories)));
            a.categories.forEach(c -> byCategory.merge(c, 1, Integer::sum));
            minors += minor ? 1 : 0;
            readByStaff += a.readByStaff ? 1 : 0;
        }
        int held = (int) affected.values().stream().filter(a -> !a.purposes.isEmpty()).count();
        BreachReport.Selection selection = new BreachReport.Selection(selected.stream().map(Purpose::code).toList(),
                List.copyOf(new TreeSet<>(q.categories())),
                selected.stream().filter(p -> !p.consentGated()).map(Purpose::code).toList());
        return new BreachReport(q.from(), q.to(), clock.instant(), selection, new BreachReport.Counts(subjects.size(),
                minors, readByStaff, held, accesses.size(), byCategory, byPurpose), List.copyOf(accesses), truncated,
                subjects, false);
    }

    /** The purposes asked for (all when none), narrowed to those listing one of the categories asked for. */
    static List<Purpose> select(Catalog catalog, Set<String> purposes, Set<String> categories) {
        if (purposes.isEmpty() && categories.isEmpty()) {
            return List.of();
        }
        for (String code : purposes) {
            if (catalog.purpose(code).isEmpty()) {
                throw new InvalidRequest("unknown purpose '" + code + "'", "/query/purposes");
            }
        }
        for (String category : categories) {
            if (catalog.purposes().values().stream().noneMatch(p -> p.dataCategories().contains(category))) {
                throw new InvalidRequest("no purpose lists the data category '" + category + "'", "/query/categories");
            }
        }
        return catalog.purposes().values().stream()
                .filter(p -> purposes.isEmpty() || purposes.contains(p.code()))
                .filter(p -> categories.isEmpty() || p.dataCategories().stream().anyMatch(categories::contains))
                .sorted(Comparator.comparing(Purpose::code)).toList();
    }

    private static List<String> categoriesOf(Purpose p, Set<String> asked) {
        return p.dataCategories().stream().filter(c -> asked.isEmpty() || asked.contains(c)).toList();
    }

    /** The identifier's type only ({@code phone:+86 139****5678} gives {@code phone}): never its value. */
    private static BreachReport.StaffAccess access(AuditEntry e) {
        String masked = e.maskedIdentifier();
        int colon = masked == null ? -1 : masked.indexOf(':');
        return new BreachReport.StaffAccess(e.at(), e.staff(), e.action(), e.allowed(), e.subjectId(),
                colon > 0 ? masked.substring(0, colon) : null, e.reason());
    }
}
