package com.consento.console;

import com.consento.access.AccessAudit;
import com.consento.access.AuditEntry;
import com.consento.access.AuditFilter;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.shared.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV exports of each console table (PIPL-54 evidence): purposes, notices, recent ledger events (subject ids
 * masked, nothing sealed), the access audit log and rights requests. Exports that name subjects are audited.
 */
@Controller("consoleReportsController")
class ReportsController {
    static final int MAX_EVENTS = 100_000;
    private final CatalogService catalog;
    private final ConsoleQueries queries;
    private final AccessAudit audit;
    private final ObjectProvider<RightsSummaryPort> rights;
    private final Times times;
    private final Clock clock;

    ReportsController(CatalogService catalog, ConsoleQueries queries, AccessAudit audit,
                      ObjectProvider<RightsSummaryPort> rights, Times times, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.audit = audit;
        this.rights = rights;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/admin/reports/purposes.csv")
    ResponseEntity<byte[]> purposes() {
        Csv csv = new Csv().row("code", "name_zh", "name_en", "legal_basis", "channels", "separate_consent",
                "sensitive", "cross_border", "automated_decisions", "validity_days", "retention_days",
                "data_categories", "recipients", "pia_id", "transfer_mechanism");
        catalog.snapshot().purposes().values().stream().sorted(Comparator.comparing(Purpose::code))
                .forEach(p -> csv.row(p.code(), p.name().get("zh-CN"), p.name().get("en"), p.legalBasis(),
                        String.join(" ", p.channels().stream().map(Channel::code).sorted().toList()),
                        p.separateConsent(), p.sensitive(), p.crossBorder(), p.automatedDecisions(), p.validityDays(),
                        p.retentionDays(), String.join(" ", p.dataCategories()), String.join("; ", p.recipients()),
                        p.piaId(), p.transferMechanism()));
        return file("purposes", csv);
    }

    @GetMapping("/admin/reports/notices.csv")
    ResponseEntity<byte[]> notices() {
        Csv csv = new Csv().row("version", "sequence", "locale", "title", "material", "effective_at", "published_at",
                "purposes", "data_categories", "handler", "officer_contact", "content_sha256");
        catalog.snapshot().notices().stream().sorted(Comparator.comparingLong(Notice::sequence))
                .forEach(n -> csv.row(n.version(), n.sequence(), n.locale(), n.title(), n.material(),
                        iso(n.effectiveAt()), iso(n.publishedAt()), String.join(" ", n.purposes()),
                        String.join(" ", n.dataCategories()), n.handler() == null ? null : n.handler().name(),
                        n.officerContact(), n.contentSha256()));
        return file("notices", csv);
    }

    @GetMapping("/admin/reports/events.csv")
    ResponseEntity<byte[]> events(@RequestParam(defaultValue = "1000") int limit, Authentication auth) {
        int n = Math.max(1, Math.min(limit, MAX_EVENTS));
        Csv csv = new Csv().row("event_id", "recorded_at", "captured_at", "subject", "purpose", "channel", "action",
                "notice_version", "touchpoint", "actor_type", "partition", "seq", "hash");
        List<ConsoleQueries.EventRow> rows = queries.recentEvents(n);
        rows.forEach(e -> csv.row(e.id(), iso(e.recordedAt()), iso(e.capturedAt()),
                LedgerPageController.maskSubject(e.subjectId()), e.purpose(), e.channel(), e.action(),
                e.noticeVersion(), e.touchpoint(), e.actorType(), e.part(), e.seq(), e.hash()));
        audit.record(AccessAudit.Event.of(auth.getName(), AccessAudit.EXPORT)
                .detail("events.csv, " + rows.size() + " rows"));
        return file("events", csv);
    }

    @GetMapping("/admin/reports/audit.csv")
    ResponseEntity<byte[]> auditLog(@RequestParam(required = false) String staff,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String subject,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String denied, Authentication auth) {
        AuditFilter filter = AuditController.filter(staff, action, subject, from, to, denied, AuditFilter.MAX, times);
        Csv csv = new Csv().row("time", "staff", "action", "allowed", "masked_identifier", "subject_id", "reason",
                "detail", "id");
        List<AuditEntry> entries = audit.find(filter);
        entries.forEach(e -> csv.row(iso(e.at()), e.staff(), e.action(), e.allowed(), e.maskedIdentifier(),
                e.subjectId(), e.reason(), e.detail(), e.id()));
        audit.record(AccessAudit.Event.of(auth.getName(), AccessAudit.EXPORT)
                .detail("audit.csv, " + entries.size() + " rows"));
        return file("audit", csv);
    }

    @GetMapping("/admin/reports/requests.csv")
    ResponseEntity<byte[]> requests(Authentication auth) {
        Csv csv = new Csv().row("id", "subject_id", "type", "status", "created_at", "due_at", "closed_at", "overdue");
        List<RightsSummaryPort.Request> list = rights.getIfAvailable(() -> RightsSummaryPort.NONE).recent(MAX_EVENTS);
        list.forEach(r -> csv.row(r.id(), r.subjectId(), r.type(), r.status(), iso(r.createdAt()), iso(r.dueAt()),
                iso(r.closedAt()), r.overdue()));
        audit.record(AccessAudit.Event.of(auth.getName(), AccessAudit.EXPORT)
                .detail("requests.csv, " + list.size() + " rows"));
        return file("requests", csv);
    }

    private ResponseEntity<byte[]> file(String name, Csv csv) {
        String filename = "consento-" + name + "-" + times.day(clock.instant()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(csv.bytes());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
