package com.consento.propagation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks (admin scope): register, list, delete, read dead letters and send one again. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {
    private final Webhooks webhooks;
    private final WebhookStore store;

    WebhookController(Webhooks webhooks, WebhookStore store) {
        this.webhooks = webhooks;
        this.store = store;
    }

    /** A webhook as the API shows it; the secret is never shown again. */
    record WebhookView(String id, String url, List<String> events, boolean active, int maxAttempts,
                       long initialBackoffMs, Instant createdAt, Map<String, Long> deliveries) {
        static WebhookView of(WebhookStore.Webhook w, Map<String, Long> counts) {
            return new WebhookView(w.id(), w.url(), List.copyOf(w.events()), w.active(), w.maxAttempts(),
                    w.initialBackoffMs(), Instant.ofEpochMilli(w.createdAt()), counts);
        }
    }

    record DeliveryView(String id, String webhookId, String changeId, String status, int attempts,
                        Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                        Instant updatedAt, Instant acknowledgedAt) {
        static DeliveryView of(WebhookStore.Delivery d) {
            return new DeliveryView(d.id(), d.webhookId(), Long.toString(d.outboxId()), d.status(), d.attempts(),
                    WebhookStore.PENDING.equals(d.status()) ? Instant.ofEpochMilli(d.nextAttemptAt()) : null,
                    d.lastStatus(), d.lastError(), Instant.ofEpochMilli(d.createdAt()),
                    Instant.ofEpochMilli(d.updatedAt()),
                    d.acknowledgedAt() == null ? null : Instant.ofEpochMilli(d.acknowledgedAt()));
        }
    }

    @PostMapping
    ResponseEntity<WebhookView> register(@RequestBody Webhooks.Registration body) {
        WebhookStore.Webhook hook = webhooks.register(body);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + hook.id()))
                .body(WebhookView.of(hook, Map.of()));
    }

    @GetMapping
    Map<String, List<WebhookView>> list() {
        Map<String, Map<String, Long>> counts = store.counts();
        return Map.of("webhooks", webhooks.all().stream()
                .map(w -> WebhookView.of(w, counts.getOrDefault(w.id(), Map.of()))).toList());
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return WebhookView.of(webhooks.get(id), store.counts().getOrDefault(id, Map.of()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/dead-letters")
    Map<String, Object> deadLetters(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        return Map.of("webhookId", id, "deadLetters",
                webhooks.deadLetters(id, limit).stream().map(DeliveryView::of).toList());
    }

    @PostMapping("/{id}/dead-letters/{deliveryId}/retry")
    ResponseEntity<DeliveryView> retry(@PathVariable String id, @PathVariable String deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(webhooks.retry(id, deliveryId)));
    }
}
