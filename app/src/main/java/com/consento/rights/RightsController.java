package com.consento.rights;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class RightsController {
    private final RequestService requests;
    private final ExportService exports;
    private final ErasureService erasure;

    RightsController(RequestService requests, ExportService exports, ErasureService erasure) {
        this.requests = requests;
        this.exports = exports;
        this.erasure = erasure;
    }

    record FileBody(String type, String details) {
    }

    @PostMapping("/subjects/{id}/requests")
    ResponseEntity<RightsRequest> file(@PathVariable String id, @RequestBody FileBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.file(id, body.type(), body.details()));
    }

    @GetMapping("/requests")
    Map<String, List<RightsRequest>> list(@RequestParam(required = false) String status,
                                          @RequestParam(defaultValue = "false") boolean overdue) {
        return Map.of("requests", requests.list(status, overdue));
    }

    @GetMapping("/requests/{id}")
    RightsRequest get(@PathVariable String id) {
        return requests.get(id);
    }

    record AssignBody(String assignee) {
    }

    record CloseBody(String answer, String reason) {
    }

    @PostMapping("/requests/{id}/assign")
    RightsRequest assign(@PathVariable String id, @RequestBody AssignBody body) {
        return requests.assign(id, body.assignee());
    }

    @PostMapping("/requests/{id}/complete")
    RightsRequest complete(@PathVariable String id, @RequestBody(required = false) CloseBody body) {
        return requests.complete(id, body == null ? null : body.answer());
    }

    @PostMapping("/requests/{id}/refuse")
    RightsRequest refuse(@PathVariable String id, @RequestBody CloseBody body) {
        return requests.refuse(id, body.reason());
    }

    @GetMapping("/subjects/{id}/export")
    ResponseEntity<?> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        if ("zip".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consento-export.zip\"")
                    .body(exports.portablePackage(id));
        }
        return ResponseEntity.ok(exports.export(id));
    }

    @DeleteMapping("/subjects/{id}")
    ErasureService.Erased erase(@PathVariable String id) {
        return erasure.erase(id);
    }
}
