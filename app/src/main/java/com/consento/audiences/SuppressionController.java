package com.consento.audiences;

import com.consento.shared.InvalidRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/suppressions")
class SuppressionController {
    private final SuppressionService suppressions;

    SuppressionController(SuppressionService suppressions) {
        this.suppressions = suppressions;
    }

    record Body(String subject, String reason, String list) {
    }

    @PostMapping
    ResponseEntity<SuppressionService.Entry> add(@RequestBody Body body) {
        if (body.subject() == null || body.subject().isBlank()) {
            throw new InvalidRequest("subject is required: a subject id or type:value", "/subject");
        }
        if (body.reason() != null && body.reason().length() > 500) {
            throw new InvalidRequest("reason is at most 500 characters", "/reason");
        }
        SuppressionService.Entry e = suppressions.add(body.list(), body.subject().strip(), body.reason());
        return ResponseEntity.status(e.added() ? HttpStatus.CREATED : HttpStatus.OK).body(e);
    }

    @DeleteMapping
    Map<String, Object> remove(@RequestParam String subject, @RequestParam(required = false) String list) {
        return Map.of("removed", suppressions.remove(list, subject));
    }
}
