package com.consento.platform;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import tools.jackson.databind.json.JsonMapper;

/** The API answers to scoped keys; every refusal is a problem+json (401 names the scheme, 403 the scope). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // tasks (verify-ledger, …) run without web
class SecurityConfig {
    private static final String ADMIN = Scope.ADMIN.authority();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyService keys, RateLimiter limiter, RateLimitMetrics metrics,
                           JsonMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(req -> cors(req, keys)))
                .addFilterBefore(new ApiKeyFilter(keys, limiter, metrics, json), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // a site key sits in web pages, so anyone holds it: it records consent events and nothing else
                        .requestMatchers(req -> !isConsentEventsPost(req)
                                && bearer(req, keys).map(ApiKeyService.ApiKey::browser).orElse(false))
                        .denyAll()
                        .requestMatchers(POST, "/api/v1/consent-events", "/api/v1/subjects",
                                "/api/v1/subjects/*/identifiers", "/api/v1/subjects/merge", "/api/v1/imports/**",
                                "/api/v1/inbound/**")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
                        .requestMatchers(GET, "/api/v1/subjects/*/unsubscribe-link")
                        .hasAnyAuthority(Scope.SUBJECT_READ.authority(), Scope.CAMPAIGN.authority(), ADMIN)
                        .requestMatchers(PUT, "/api/v1/subjects/*/profile")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
                        // preferences (not consent): read with subject:read, replaced with consent:write
                        .requestMatchers(GET, "/api/v1/subjects/*/preferences")
                        .hasAnyAuthority(Scope.SUBJECT_READ.authority(), ADMIN)
                        .requestMatchers(PUT, "/api/v1/subjects/*/preferences")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
                        .requestMatchers("/api/v1/subjects/*/requests", "/api/v1/requests", "/api/v1/requests/**",
                                "/api/v1/subjects/*/export", "/api/v1/compliance/**")
                        .hasAnyAuthority(Scope.RIGHTS.authority(), ADMIN)
                        .requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/v1/subjects/*")
                        .hasAnyAuthority(Scope.RIGHTS.authority(), ADMIN)
                        // recommendations; features are read with subject:read (below), deleted with consent:write or rights
                        .requestMatchers(org.springframework.http.HttpMethod.DELETE,
                                "/api/v1/subjects/*/recommendation-features")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), Scope.RIGHTS.authority(), ADMIN)
                        .requestMatchers(GET, "/api/v1/recommendations")
                        .hasAnyAuthority(Scope.DECISION_READ.authority(), Scope.SUBJECT_READ.authority(), ADMIN)
                        // signals, audiences, campaigns (orders and browsing are written like consent)
                        .requestMatchers(POST, "/api/v1/orders", "/api/v1/events/browse")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
                        .requestMatchers("/api/v1/audiences/**", "/api/v1/suppressions", "/api/v1/suppressions/**",
                                "/api/v1/ad-audiences/**")
                        .hasAnyAuthority(Scope.AUDIENCE.authority(), ADMIN)
                        .requestMatchers("/api/v1/campaigns", "/api/v1/campaigns/**")
                        .hasAnyAuthority(Scope.CAMPAIGN.authority(), ADMIN)
                        .requestMatchers("/api/v1/decisions", "/api/v1/decisions/**")
                        .hasAnyAuthority(Scope.DECISION_READ.authority(), ADMIN)
                        .requestMatchers(GET, "/api/v1/subjects/**", "/api/v1/receipts/**")
                        .hasAnyAuthority(Scope.SUBJECT_READ.authority(), ADMIN)
                        .requestMatchers(GET, "/api/v1/ledger/**")
                        .hasAnyAuthority(Scope.SUBJECT_READ.authority(), ADMIN)
                        .requestMatchers(GET, "/api/v1/purposes", "/api/v1/purposes/**", "/api/v1/notices",
                                "/api/v1/notices/**", "/api/v1/ping")
                        .authenticated()
                        .anyRequest().hasAuthority(ADMIN))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            ProblemWriter.write(res, json, 401, "unauthenticated", "Unauthenticated",
                                    "send a valid API key as 'Authorization: Bearer <key>'", req.getRequestURI());
                        })
                        .accessDeniedHandler((req, res, ex) -> ProblemWriter.write(res, json, 403, "forbidden",
                                "Forbidden", "this API key lacks the scope this call needs", req.getRequestURI())));
        return http.build();
    }

    /**
     * Web SDK CORS, for {@code POST /api/v1/consent-events} only: a preflight carries no key, so it passes when
     * any active key lists the origin; the request itself passes only when its own key lists it (else 403 and
     * nothing runs). Other paths and same-origin calls get no CORS answer.
     */
    static CorsConfiguration cors(HttpServletRequest req, ApiKeyService keys) {
        String origin = req.getHeader("Origin");
        if (origin == null || !path(req).equals("/api/v1/consent-events")) {
            return null;
        }
        boolean allowed;
        if (CorsUtils.isPreFlightRequest(req)) {
            allowed = keys.anyKeyAllowsOrigin(origin);
        } else {
            Optional<ApiKeyService.ApiKey> key = bearer(req, keys);
            if (key.isEmpty()) {
                return null; // unauthenticated: the 401 problem follows
            }
            allowed = key.get().allowsOrigin(origin);
        }
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedMethods(List.of("POST"));
        c.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
        c.setExposedHeaders(List.of("Idempotent-Replayed"));
        c.setMaxAge(600L);
        if (allowed) {
            c.setAllowedOrigins(List.of(origin));
        }
        return c;
    }

    private static Optional<ApiKeyService.ApiKey> bearer(HttpServletRequest req, ApiKeyService keys) {
        String header = req.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? keys.authenticate(header.substring(7).trim()) : Optional.empty();
    }

    private static String path(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }

    private static boolean isConsentEventsPost(HttpServletRequest req) {
        return "POST".equals(req.getMethod()) && path(req).equals("/api/v1/consent-events");
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable());
        return http.build();
    }
}
