package com.consento.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>}; an absent or unknown key stays anonymous (then 401). */
class ApiKeyFilter extends OncePerRequestFilter {
    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final RateLimitMetrics metrics;
    private final tools.jackson.databind.json.JsonMapper json;

    ApiKeyFilter(ApiKeyService keys, RateLimiter limiter, RateLimitMetrics metrics,
                 tools.jackson.databind.json.JsonMapper json) {
        this.keys = keys;
        this.limiter = limiter;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var key = keys.authenticate(header.substring(7).trim());
            if (key.isPresent()) {
                long wait = limiter.acquire(key.get().id());
                if (wait > 0) {
                    metrics.throttled(key.get().id());
                    response.setHeader("Retry-After", Long.toString(wait));
                    ProblemWriter.write(response, json, 429, "rate-limited", "Too Many Requests",
                            "this API key sent more requests than its rate limit; retry after " + wait + " s",
                            request.getRequestURI());
                    return;
                }
                SecurityContextHolder.setContext(new SecurityContextImpl(new KeyAuthentication(key.get())));
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final ApiKeyService.ApiKey key;

        KeyAuthentication(ApiKeyService.ApiKey key) {
            super(key.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return key.id();
        }

        @Override
        public String getName() {
            return key.id();
        }

        List<String> scopes() {
            return key.scopes().stream().map(Scope::code).toList();
        }
    }
}
