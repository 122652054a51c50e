package com.consento.platform;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ApiKeyController {
    private static final String RATE_LIMIT = "rateLimit: requests a second, from 0.01 to 1000000; burst: how many "
            + "may come at once, a whole number from 1 to 1000000 (absent: one second's worth of rateLimit, at "
            + "least 1). Both absent: the global default (consento.rate-limit.per-second / .burst). Over the limit "
            + "a request gets 429 problem+json (type rate-limited) with Retry-After in seconds. Limits are per node.";
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /**
     * {@code allowedOrigins}: browser origins that may use the key (a web SDK site key, CORS); {@code rateLimit}
     * and {@code burst}: its own rate limit. All optional.
     */
    record KeyRequest(String name, List<String> scopes, List<String> allowedOrigins, Double rateLimit, Double burst) {
    }

    /** Numbers as Double, not double: absent must differ from 0 (absent means the global default). */
    record RateLimitRequest(Double rateLimit, Double burst) {
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key (shown once), optionally with its own rate limit",
            description = "{name, scopes, allowedOrigins?, rateLimit?, burst?} → {id, key, scopes, allowedOrigins, "
                    + "rateLimit, burst, rateLimitDefault}; the answer shows the limit in force. " + RATE_LIMIT)
    ApiKeyService.Issued issue(@RequestBody KeyRequest request) {
        return keys.issue(request.name(), request.scopes(), request.allowedOrigins(), request.rateLimit(),
                request.burst());
    }

    @GetMapping("/api-keys/{id}")
    @Operation(summary = "An API key without its secret, with the rate limit in force",
            description = "{id, name, scopes, allowedOrigins, rateLimit, burst, rateLimitDefault}; 404 for an "
                    + "unknown id.")
    ApiKeyService.KeyView view(@PathVariable String id) {
        return keys.view(id);
    }

    @PutMapping("/api-keys/{id}/rate-limit")
    @Operation(summary = "Replace an API key's rate limit; in force from the next request, no restart",
            description = "{rateLimit?, burst?} → the key as GET /api-keys/{id} shows it; {} sets it back to the "
                    + "global default. The key's bucket starts again full at the new size. " + RATE_LIMIT)
    ApiKeyService.KeyView changeRateLimit(@PathVariable String id, @RequestBody RateLimitRequest request) {
        return keys.changeRateLimit(id, request.rateLimit(), request.burst());
    }

    record Pong(boolean ok) {
    }

    /** Authenticated and otherwise empty: the baseline that HTTP benchmarks compare against. */
    @GetMapping("/ping")
    Pong ping() {
        return new Pong(true);
    }
}
