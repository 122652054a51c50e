package com.consento.console;

import com.consento.access.StaffUsers;
import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.ledger.LedgerVerifier;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/compliance}: a printable summary for a regulator or an internal audit (PIPL-54) — purposes with
 * their legal basis, separate consent and PIA ids, the latest ledger verification, the notices, and counts.
 */
@Controller("consoleComplianceController")
class ComplianceController {
    private final CatalogService catalog;
    private final LedgerVerifier verifier;
    private final ConsoleQueries queries;
    private final StaffUsers staff;
    private final ObjectProvider<RightsSummaryPort> rights;
    private final Clock clock;

    ComplianceController(CatalogService catalog, LedgerVerifier verifier, ConsoleQueries queries, StaffUsers staff,
                         ObjectProvider<RightsSummaryPort> rights, Clock clock) {
        this.catalog = catalog;
        this.verifier = verifier;
        this.queries = queries;
        this.staff = staff;
        this.rights = rights;
        this.clock = clock;
    }

    record Counts(long purposes, long notices, long subjects, long events, long grants, long staffUsers,
                  long pendingRequests, long overdueRequests, boolean rightsConnected) {
    }

    @GetMapping("/admin/compliance")
    String compliance(Model model) {
        Catalog snapshot = catalog.snapshot();
        RightsSummaryPort port = rights.getIfAvailable(() -> RightsSummaryPort.NONE);
        RightsSummaryPort.Summary requests = port.summary();
        var grants = queries.grantsByPurpose();
        model.addAttribute("generatedAt", clock.instant());
        model.addAttribute("purposes", snapshot.purposes().values().stream()
                .sorted(Comparator.comparing(Purpose::code)).toList());
        model.addAttribute("grants", grants);
        model.addAttribute("notices", snapshot.notices().stream()
                .sorted(Comparator.comparingLong(Notice::sequence).reversed()).toList());
        model.addAttribute("verification", verifier.lastResult());
        model.addAttribute("counts", new Counts(snapshot.purposes().size(), snapshot.notices().size(),
                queries.activeSubjects(), queries.events(), grants.values().stream().mapToLong(Long::longValue).sum(),
                staff.list().size(), requests.pending(), requests.overdue(), port.connected()));
        return "console/compliance";
    }
}
