package com.consento.compliance;

import com.consento.shared.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/compliance")
class ComplianceController {
    /** Subjects listed in the JSON answer; the zip and CSV list them all. */
    static final int LISTED_SUBJECTS = 10_000;
    private final EvidencePack evidence;
    private final RetentionService retention;
    private final BreachScope breach;
    private final JsonMapper json;

    ComplianceController(EvidencePack evidence, RetentionService retention, BreachScope breach, JsonMapper json) {
        this.evidence = evidence;
        this.retention = retention;
        this.breach = breach;
        this.json = json;
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

    /** PIPL-57: who and what a breach in the window concerns; {@code format} json (default), csv or zip. */
    @GetMapping("/breach-scope")
    ResponseEntity<?> breachScope(@RequestParam String from, @RequestParam String to,
                                  @RequestParam(required = false) List<String> purposes,
                                  @RequestParam(required = false) List<String> categories,
                                  @RequestParam(defaultValue = "json") String format, Principal caller) {
        Instant f = instant(from, "from");
        Instant t = instant(to, "to");
        if (!t.isAfter(f)) {
            throw new InvalidRequest("'to' must be after 'from'", "/query/to");
        }
        if (!List.of("json", "csv", "zip").contains(format)) {
            throw new InvalidRequest("format must be json, csv or zip", "/query/format");
        }
        BreachReport report = breach.scope(new BreachScope.Query(f, t, codes(purposes), codes(categories)),
                "api-key:" + caller.getName());
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consento-breach-subjects.csv\"")
                    .body(BreachExport.subjectsCsv(report).getBytes(StandardCharsets.UTF_8));
            case "zip" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consento-breach-scope.zip\"")
                    .body(BreachExport.zip(report, json));
            default -> ResponseEntity.ok(report.limitedTo(LISTED_SUBJECTS));
        };
    }

    private static Set<String> codes(List<String> values) {
        Set<String> codes = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> Arrays.stream(v.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                    .forEach(codes::add));
        }
        return codes;
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
