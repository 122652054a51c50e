package com.consento.platform;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/** The API answers to scoped keys; every refusal is a problem+json (401 names the scheme, 403 the scope). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    private static final String ADMIN = Scope.ADMIN.authority();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyService keys, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(POST, "/api/v1/consent-events", "/api/v1/subjects",
                                "/api/v1/subjects/*/identifiers", "/api/v1/subjects/merge", "/api/v1/imports/**")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
                        .requestMatchers(PUT, "/api/v1/subjects/*/profile")
                        .hasAnyAuthority(Scope.CONSENT_WRITE.authority(), ADMIN)
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

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable());
        return http.build();
    }
}
