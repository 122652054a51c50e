package com.consento.ledger;

import com.consento.shared.InvalidRequest;
import com.consento.shared.Sha256;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1")
class LedgerController {
    private final LedgerService ledger;
    private final ConsentQueries queries;
    private final LedgerVerifier verifier;
    private final ReceiptService receipts;
    private final JsonMapper json;

    LedgerController(LedgerService ledger, ConsentQueries queries, LedgerVerifier verifier, ReceiptService receipts,
                     JsonMapper json) {
        this.ledger = ledger;
        this.queries = queries;
        this.verifier = verifier;
        this.receipts = receipts;
        this.json = json;
    }

    record Batch(List<ConsentEventBody> events) {
    }

    @PostMapping("/consent-events")
    ResponseEntity<Map<String, List<Receipt>>> record(@RequestBody Batch batch,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                      Principal caller) {
        if (key != null && (key.isBlank() || key.length() > 128)) {
            throw new InvalidRequest("Idempotency-Key must be 1 to 128 characters", "/headers/Idempotency-Key");
        }
        String scope = key == null ? null : caller.getName() + ":" + key;
        String hash = key == null ? null : Sha256.hex(json.writeValueAsString(batch));
        LedgerService.Recorded recorded = ledger.record(batch.events(), scope, hash);
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(recorded.replayed()))
                .body(Map.of("receipts", recorded.receipts()));
    }

    record ConsentsView(String subjectId, Instant at, List<ConsentQueries.ConsentView> consents) {
    }

    @GetMapping("/subjects/{id}/consents")
    ConsentsView consents(@PathVariable String id, @RequestParam(required = false) String at) {
        Instant when = null;
        if (at != null) {
            try {
                when = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("at must be an ISO-8601 instant such as 2026-11-30T01:00:00Z", "/query/at");
            }
        }
        return new ConsentsView(id, when, queries.consents(id, when));
    }

    @GetMapping("/subjects/{id}/consent-events")
    Map<String, Object> history(@PathVariable String id) {
        return Map.of("subjectId", id, "events", queries.history(id));
    }

    @GetMapping("/ledger/verify")
    LedgerVerifier.Verification verify() {
        return verifier.verify();
    }

    @GetMapping("/receipts/{id}")
    ReceiptService.SignedReceipt receipt(@PathVariable String id) {
        return receipts.receipt(id);
    }

    @GetMapping("/receipts/public-key")
    Map<String, Object> receiptKey() {
        return receipts.publicKey();
    }
}
