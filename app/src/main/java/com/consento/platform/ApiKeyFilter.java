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

    ApiKeyFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            keys.authenticate(header.substring(7).trim()).ifPresent(key ->
                    SecurityContextHolder.setContext(new SecurityContextImpl(new KeyAuthentication(key))));
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
