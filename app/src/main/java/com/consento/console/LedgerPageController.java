package com.consento.console;

import com.consento.access.AccessAudit;
import com.consento.ledger.LedgerVerifier;
import com.consento.ledger.ReceiptService;
import com.consento.shared.NotFound;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/ledger}: the latest verification (valid, or the first broken event) and its time, a button
 * ({@code data-action="verify-ledger"}) that walks every chain again, the most recent events without anything
 * personal, and a receipt viewer that checks the receipt's signature with the public key.
 */
@Controller("consoleLedgerPageController")
class LedgerPageController {
    static final int RECENT = 50;
    private final LedgerVerifier verifier;
    private final ReceiptService receipts;
    private final ConsoleQueries queries;
    private final AccessAudit audit;
    private final JsonMapper json;

    LedgerPageController(LedgerVerifier verifier, ReceiptService receipts, ConsoleQueries queries, AccessAudit audit,
                         JsonMapper json) {
        this.verifier = verifier;
        this.receipts = receipts;
        this.queries = queries;
        this.audit = audit;
        this.json = json;
    }

    /** A subject id on screens that need no subject: enough to tell rows apart, not to look anyone up. */
    static String maskSubject(String subjectId) {
        if (subjectId == null || subjectId.length() < 10) {
            return "sub_****";
        }
        return subjectId.substring(0, 4) + "****" + subjectId.substring(subjectId.length() - 4);
    }

    @GetMapping("/admin/ledger")
    String ledger(@RequestParam(required = false) String receipt, Model model, Authentication auth, Locale locale) {
        model.addAttribute("verification", verifier.lastResult());
        model.addAttribute("events", queries.recentEvents(RECENT).stream()
                .map(e -> new MaskedEvent(e, maskSubject(e.subjectId()))).toList());
        model.addAttribute("receiptId", receipt == null ? "" : receipt.trim());
        if (receipt != null && !receipt.isBlank()) {
            try {
                ReceiptService.SignedReceipt r = receipts.receipt(receipt.trim());
                Object subject = r.receipt().get("piiPrincipalId");
                audit.record(AccessAudit.Event.of(auth.getName(), AccessAudit.VIEW_RECEIPT)
                        .subject(subject == null ? null : subject.toString()).detail(r.receiptId()));
                model.addAttribute("receipt", r);
                model.addAttribute("receiptJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(r.receipt()));
                model.addAttribute("receiptValid", ReceiptCheck.verifies(r.jws(), r.publicKey()));
                model.addAttribute("keyId", r.publicKey().get("kid"));
            } catch (NotFound e) {
                model.addAttribute("receiptMissing", true);
            }
        }
        return "console/ledger";
    }

    @PostMapping("/admin/ledger/verify")
    String verify() {
        verifier.verify();
        return "redirect:/admin/ledger";
    }

    record MaskedEvent(ConsoleQueries.EventRow event, String subject) {
    }
}
