package com.consento.platform;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** {@code allowedOrigins}: browser origins that may use the key (a web SDK site key, CORS); optional. */
    record KeyRequest(String name, List<String> scopes, List<String> allowedOrigins) {
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyService.Issued issue(@RequestBody KeyRequest request) {
        return keys.issue(request.name(), request.scopes(), request.allowedOrigins());
    }

    record Pong(boolean ok) {
    }

    /** Authenticated and otherwise empty: the baseline that HTTP benchmarks compare against. */
    @GetMapping("/ping")
    Pong ping() {
        return new Pong(true);
    }
}
