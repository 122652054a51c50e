package com.consento.compliance;

import com.consento.shared.InvalidRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compliance")
class ComplianceController {
    private final EvidencePack evidence;
    private final RetentionService retention;

    ComplianceController(EvidencePack evidence, RetentionService retention) {
        this.evidence = evidence;
        this.retention = retention;
    }

    @GetMapping("/evidence")
    ResponseEntity<byte[]> evidence(@RequestParam String from, @RequestParam String to) {
        Instant f = instant(from, "from");
        Instant t = instant(to, "to");
        if (!t.isAfter(f)) {
            throw new InvalidRequest("'to' must be after 'from'", "/query/to");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consento-evidence.zip\"")
                .body(evidence.build(f, t));
    }

    @GetMapping("/rules")
    Map<String, List<PiplRules.Rule>> rules() {
        return Map.of("rules", PiplRules.load());
    }

    @GetMapping("/retention")
    Map<String, List<RetentionService.Category>> retention() {
        return Map.of("categories", retention.status());
    }

    @PostMapping("/purge")
    RetentionService.PurgeReport purge() {
        return retention.purge();
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z", "/query/" + name);
        }
    }
}
