package com.consento.propagation;

import com.consento.shared.Conflict;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registering webhooks, reading their dead letters and sending one again. */
@Service
class Webhooks {
    static final int MIN_SECRET = 16;
    private final WebhookStore store;
    private final SecretBox secrets;
    private final RelaySignal signal;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int defaultMaxAttempts;
    private final long defaultInitialBackoffMs;

    Webhooks(WebhookStore store, SecretBox secrets, RelaySignal signal, TransactionTemplate tx, Clock clock,
             @Value("${consento.webhooks.max-attempts:8}") int defaultMaxAttempts,
             @Value("${consento.webhooks.initial-backoff:1s}") java.time.Duration initialBackoff) {
        this.store = store;
        this.secrets = secrets;
        this.signal = signal;
        this.tx = tx;
        this.clock = clock;
        this.defaultMaxAttempts = defaultMaxAttempts;
        this.defaultInitialBackoffMs = initialBackoff.toMillis();
    }

    /** What a caller asks for; {@code maxAttempts} and {@code initialBackoffMs} are optional. */
    record Registration(String url, String secret, List<String> events, Integer maxAttempts, Long initialBackoffMs) {
    }

    WebhookStore.Webhook register(Registration r) {
        Problems problems = new Problems();
        checkUrl(r.url(), problems);
        problems.require(r.secret() != null && r.secret().length() >= MIN_SECRET, "/secret",
                "a secret of at least " + MIN_SECRET + " characters signs every delivery (HMAC-SHA256)");
        Outbox.checkTypes(r.events(), problems);
        problems.require(r.maxAttempts() == null || (r.maxAttempts() >= 1 && r.maxAttempts() <= 20), "/maxAttempts",
                "between 1 and 20 attempts");
        problems.require(r.initialBackoffMs() == null
                        || (r.initialBackoffMs() >= 10 && r.initialBackoffMs() <= 3_600_000), "/initialBackoffMs",
                "between 10 ms and one hour");
        problems.throwIfAny("invalid-webhook");
        long now = clock.millis();
        WebhookStore.Webhook hook = new WebhookStore.Webhook(
                "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), r.url().trim(),
                secrets.seal(r.secret()), new LinkedHashSet<>(r.events()),
                r.maxAttempts() == null ? defaultMaxAttempts : r.maxAttempts(),
                r.initialBackoffMs() == null ? defaultInitialBackoffMs : r.initialBackoffMs(), true, now);
        store.insert(hook, now);
        return hook;
    }

    static void checkUrl(String url, Problems problems) {
        if (url == null || url.isBlank()) {
            problems.add("/url", "the receiver's URL is required (http or https)");
            return;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            problems.require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                            && uri.getFragment() == null && url.length() <= 2000, "/url",
                    "an absolute http or https URL with a host, no fragment, at most 2000 characters");
        } catch (java.net.URISyntaxException e) {
            problems.add("/url", "not a URL: " + e.getReason());
        }
    }

    List<WebhookStore.Webhook> all() {
        return store.all();
    }

    WebhookStore.Webhook get(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no webhook " + id));
    }

    void delete(String id) {
        get(id);
        tx.executeWithoutResult(s -> store.deactivate(id, clock.millis()));
    }

    List<WebhookStore.Delivery> deadLetters(String webhookId, int limit) {
        get(webhookId);
        return store.dead(webhookId, Math.max(1, Math.min(limit, 1000)));
    }

    WebhookStore.Delivery retry(String webhookId, String deliveryId) {
        WebhookStore.Webhook hook = get(webhookId);
        WebhookStore.Delivery d = store.delivery(webhookId, deliveryId)
                .orElseThrow(() -> new NotFound("no delivery " + deliveryId + " of webhook " + webhookId));
        if (!hook.active()) {
            throw new Conflict("webhook-deleted", "webhook " + webhookId + " was deleted; register it again");
        }
        if (!store.retry(webhookId, deliveryId, clock.millis())) {
            throw new Conflict("not-a-dead-letter", "delivery " + deliveryId + " is " + d.status()
                    + ", not DEAD; only dead letters are retried");
        }
        signal.wake();
        return store.delivery(webhookId, deliveryId).orElseThrow();
    }
}
