package com.consento.platform;

import com.consento.shared.Problems;
import com.consento.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys: only a SHA-256 of each key is stored; the key itself is shown once. Keys are held in memory by
 * hash, so authenticating a request costs one digest and one map lookup.
 */
@Service
class ApiKeyService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

    record ApiKey(String id, String name, Set<Scope> scopes) {
    }

    record Issued(String id, String key, List<String> scopes) {
    }

    ApiKeyService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        jdbc.sql("SELECT id, name, key_hash, scopes FROM api_key WHERE revoked = ?").param(false).query(rs -> {
            byHash.put(rs.getString(3), new ApiKey(rs.getString(1), rs.getString(2), parse(rs.getString(4))));
        });
    }

    Optional<ApiKey> authenticate(String key) {
        return key == null || key.isEmpty() ? Optional.empty() : Optional.ofNullable(byHash.get(Sha256.hex(key)));
    }

    Issued issue(String name, List<String> scopes) {
        Problems problems = new Problems();
        problems.require(name != null && !name.isBlank() && name.length() <= 200, "/name", "a key needs a name (max 200)");
        problems.require(scopes != null && !scopes.isEmpty(), "/scopes", "a key needs at least one scope");
        if (scopes != null) {
            for (int i = 0; i < scopes.size(); i++) {
                problems.require(Scope.of(scopes.get(i)).isPresent(), "/scopes/" + i, "unknown scope '" + scopes.get(i)
                        + "': consent:write, decision:read, subject:read, audience, campaign, rights or admin");
            }
        }
        problems.throwIfAny();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "csk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(name, key, scopes);
    }

    /** Registers a key chosen by the operator (the bootstrap admin key), unless it is already known. */
    Issued register(String name, String key, List<String> scopes) {
        String hash = Sha256.hex(key);
        ApiKey existing = byHash.get(hash);
        if (existing != null) {
            return new Issued(existing.id(), key, existing.scopes().stream().map(Scope::code).toList());
        }
        String id = "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String joined = String.join(" ", scopes);
        jdbc.sql("INSERT INTO api_key (id, name, key_hash, scopes, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, name, hash, joined, clock.millis(), false).update();
        byHash.put(hash, new ApiKey(id, name, parse(joined)));
        return new Issued(id, key, scopes);
    }

    boolean hasAdminKey() {
        return byHash.values().stream().anyMatch(k -> k.scopes().contains(Scope.ADMIN));
    }

    private static Set<Scope> parse(String scopes) {
        Set<Scope> parsed = new LinkedHashSet<>();
        for (String s : scopes.split(" ")) {
            Scope.of(s).ifPresent(parsed::add);
        }
        return parsed;
    }
}
