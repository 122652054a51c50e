package com.consento.propagation;

import com.consento.shared.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * PIPL-15b: who has been told of a change and who has acknowledged it. A change is what a webhook receives
 * ({@code id, type, occurredAt, subjectId, data}) plus each delivery's status and acknowledgement time, and in
 * cluster mode whether it is on the topic.
 */
@RestController
class ChangeController {
    private final OutboxStore outbox;
    private final WebhookStore webhooks;
    private final ClusterBus bus;
    private final JsonMapper json;

    ChangeController(OutboxStore outbox, WebhookStore webhooks, ClusterBus bus, JsonMapper json) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.bus = bus;
        this.json = json;
    }

    @GetMapping("/api/v1/changes/{id}")
    Map<String, Object> change(@PathVariable String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("no change " + id);
        }
        return view(outbox.find(key).orElseThrow(() -> new NotFound("no change " + id)));
    }

    /** A subject's changes, newest first. */
    @GetMapping("/api/v1/changes")
    Map<String, Object> ofSubject(@RequestParam String subject, @RequestParam(defaultValue = "50") int limit) {
        List<Map<String, Object>> changes = outbox.ofSubject(subject, Math.max(1, Math.min(limit, 500))).stream()
                .map(this::view).toList();
        return Map.of("subjectId", subject, "changes", changes);
    }

    private Map<String, Object> view(OutboxStore.Row row) {
        Map<String, Object> v = new LinkedHashMap<>(Envelopes.envelope(row, json));
        v.put("origin", row.origin());
        if (bus.enabled()) {
            Long at = outbox.cursors(OutboxStore.KAFKA).get(row.shard());
            v.put("kafka", Map.of("published", at != null && at >= row.seq()));
        }
        v.put("deliveries", webhooks.ofChange(row.id()).stream().map(WebhookController.DeliveryView::of).toList());
        return v;
    }
}
