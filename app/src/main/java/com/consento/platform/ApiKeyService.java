package com.consento.platform;

import com.consento.channels.SiteKeys;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import com.consento.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
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
 * hash, so authenticating a request costs one digest and one map lookup. A key may name the browser origins
 * that may use it (a web SDK site key; CORS), stored in {@code allowed_origins}, and its own rate limit
 * ({@code rate_limit}, {@code rate_burst}; none: the global default), which this service hands to the
 * {@link RateLimiter} at start-up and on every change, so limiting never reads the database.
 */
@Service
class ApiKeyService implements SiteKeys {
    private static final int MAX_ORIGINS_LENGTH = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

    /** {@code browser}: a public site key (it lists origins, or is the demo site's), which only records consent. */
    record ApiKey(String id, String name, Set<Scope> scopes, Set<String> origins, boolean browser) {
        ApiKey(String id, String name, Set<Scope> scopes) {
            this(id, name, scopes, Set.of(), false);
        }

        ApiKey(String id, String name, Set<Scope> scopes, Set<String> origins) {
            this(id, name, scopes, origins, !origins.isEmpty());
        }

        boolean allowsOrigin(String origin) {
            String o = SiteKeys.normaliseOrigin(origin);
            return o != null && origins.contains(o);
        }
    }

    /**
     * A new key, shown once. {@code rateLimit} (requests a second) and {@code burst} are the limits in force;
     * {@code rateLimitDefault} says they are the global default rather than the key's own.
     */
    record Issued(String id, String key, List<String> scopes, List<String> allowedOrigins, double rateLimit,
                  long burst, boolean rateLimitDefault) {
    }

    /** A key as an admin sees it later: everything but the secret, which is never stored. */
    record KeyView(String id, String name, List<String> scopes, List<String> allowedOrigins, double rateLimit,
                   long burst, boolean rateLimitDefault) {
    }

    ApiKeyService(JdbcClient jdbc, Clock clock, RateLimiter limiter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limiter = limiter;
        jdbc.sql("SELECT id, name, key_hash, scopes, allowed_origins, rate_limit, rate_burst FROM api_key "
                        + "WHERE revoked = ?").param(false)
                .query(rs -> {
                    byHash.put(rs.getString(3), new ApiKey(rs.getString(1), rs.getString(2), parse(rs.getString(4)),
                            origins(rs.getString(5))));
                    limiter.limit(rs.getString(1), stored(rs.getObject(6), rs.getObject(7)));
                });
    }

    Optional<ApiKey> authenticate(String key) {
        return key == null || key.isEmpty() ? Optional.empty() : Optional.ofNullable(byHash.get(Sha256.hex(key)));
    }

    Issued issue(String name, List<String> scopes) {
        return issue(name, scopes, null);
    }

    Issued issue(String name, List<String> scopes, List<String> allowedOrigins) {
        return issue(name, scopes, allowedOrigins, null, null);
    }

    /**
     * A new key; {@code allowedOrigins} (may be null) are the browser origins that may use it (CORS);
     * {@code rateLimit} and {@code burst} (may be null) its own limit, see {@link RateLimit#requested}.
     */
    Issued issue(String name, List<String> scopes, List<String> allowedOrigins, Double rateLimit, Double burst) {
        Problems problems = new Problems();
        problems.require(name != null && !name.isBlank() && name.length() <= 200, "/name", "a key needs a name (max 200)");
        problems.require(scopes != null && !scopes.isEmpty(), "/scopes", "a key needs at least one scope");
        if (scopes != null) {
            for (int i = 0; i < scopes.size(); i++) {
                problems.require(Scope.of(scopes.get(i)).isPresent(), "/scopes/" + i, "unknown scope '" + scopes.get(i)
                        + "': consent:write, decision:read, subject:read, audience, campaign, rights or admin");
            }
        }
        List<String> origins = checkOrigins(allowedOrigins, problems);
        // a key that browsers may use is public (it sits in a web page): it records consent and nothing else
        problems.require(origins == null || scopes == null
                        || scopes.stream().allMatch(Scope.CONSENT_WRITE.code()::equals),
                "/scopes", "a key with allowedOrigins is public (web SDK): its only scope may be consent:write");
        RateLimit limit = RateLimit.requested(rateLimit, burst, limiter.defaults(), problems);
        problems.throwIfAny();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "csk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(name, key, scopes, origins, limit);
    }

    /** Registers a key chosen by the operator (the bootstrap admin key), unless it is already known. */
    Issued register(String name, String key, List<String> scopes) {
        return register(name, key, scopes, null, null);
    }

    private Issued register(String name, String key, List<String> scopes, List<String> origins, RateLimit limit) {
        String hash = Sha256.hex(key);
        ApiKey existing = byHash.get(hash);
        if (existing != null) {
            RateLimit own = limiter.limitOf(existing.id());
            return new Issued(existing.id(), key, existing.scopes().stream().map(Scope::code).toList(), null,
                    effective(own).perSecond(), effective(own).burst(), own == null);
        }
        String id = "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String joined = String.join(" ", scopes);
        String originList = origins == null || origins.isEmpty() ? null : String.join(" ", origins);
        jdbc.sql("INSERT INTO api_key (id, name, key_hash, scopes, created_at, revoked, allowed_origins, rate_limit, "
                        + "rate_burst) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, name, hash, joined, clock.millis(), false, originList,
                        limit == null ? null : limit.perSecond(), limit == null ? null : limit.burst()).update();
        // the limit before the key: no request can authenticate with it while its bucket has the wrong size
        limiter.limit(id, limit);
        byHash.put(hash, new ApiKey(id, name, parse(joined), origins(originList)));
        return new Issued(id, key, scopes, originList == null ? null : origins, effective(limit).perSecond(),
                effective(limit).burst(), limit == null);
    }

    /** An active key without its secret; 404 when there is none with this id. */
    KeyView view(String id) {
        return jdbc.sql("SELECT id, name, scopes, allowed_origins, rate_limit, rate_burst FROM api_key "
                        + "WHERE id = ? AND revoked = ?").params(id, false)
                .query((rs, n) -> {
                    RateLimit own = stored(rs.getObject(5), rs.getObject(6));
                    String origins = rs.getString(4); // normalised when stored, in the order given
                    return new KeyView(rs.getString(1), rs.getString(2),
                            parse(rs.getString(3)).stream().map(Scope::code).toList(),
                            origins == null || origins.isBlank() ? null : List.of(origins.trim().split("\\s+")),
                            effective(own).perSecond(), effective(own).burst(), own == null);
                })
                .optional().orElseThrow(() -> new NotFound("no API key " + id));
    }

    /**
     * Replaces a key's own limit (both fields absent: back to the global default); in force from the next
     * request on this node, without a restart. Synchronized so that two admins changing one key leave the
     * database and the limiter agreeing.
     */
    synchronized KeyView changeRateLimit(String id, Double rateLimit, Double burst) {
        Problems problems = new Problems();
        RateLimit limit = RateLimit.requested(rateLimit, burst, limiter.defaults(), problems);
        problems.throwIfAny();
        int changed = jdbc.sql("UPDATE api_key SET rate_limit = ?, rate_burst = ? WHERE id = ? AND revoked = ?")
                .params(limit == null ? null : limit.perSecond(), limit == null ? null : limit.burst(), id, false)
                .update();
        if (changed == 0) {
            throw new NotFound("no API key " + id);
        }
        limiter.limit(id, limit);
        return view(id);
    }

    private RateLimit effective(RateLimit own) {
        return own == null ? limiter.defaults() : own;
    }

    /** The stored limit; null (the default) unless both columns hold a valid one. */
    private static RateLimit stored(Object rate, Object burst) {
        if (!(rate instanceof Number r) || !(burst instanceof Number b)) {
            return null;
        }
        try {
            return new RateLimit(r.doubleValue(), b.longValue());
        } catch (IllegalArgumentException e) {
            return null; // a row edited by hand out of range: the default is safer than refusing to start
        }
    }

    /** CORS preflight carries no key: an origin passes when any active key lists it. */
    boolean anyKeyAllowsOrigin(String origin) {
        String o = SiteKeys.normaliseOrigin(origin);
        return o != null && byHash.values().stream().anyMatch(k -> k.origins().contains(o));
    }

    @Override
    public Optional<SiteKey> siteKey(String key) {
        return authenticate(key).map(k -> new SiteKey(k.id(), k.scopes().contains(Scope.CONSENT_WRITE)
                || k.scopes().contains(Scope.ADMIN), k.scopes().contains(Scope.ADMIN), k.origins()));
    }

    @Override
    public void registerTransientSiteKey(String name, String key, List<String> allowedOrigins) {
        Problems problems = new Problems();
        List<String> origins = checkOrigins(allowedOrigins, problems);
        problems.throwIfAny();
        byHash.putIfAbsent(Sha256.hex(key), new ApiKey("key_transient_" + Sha256.hex(key).substring(0, 8), name,
                Set.of(Scope.CONSENT_WRITE), origins == null ? Set.of() : Set.copyOf(origins), true));
    }

    /** Normalised origins, each an http(s) {@code scheme://host[:port]}; null when none were given. */
    private static List<String> checkOrigins(List<String> raw, Problems problems) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String o = SiteKeys.normaliseOrigin(raw.get(i));
            if (o == null) {
                problems.add("/allowedOrigins/" + i, "'" + raw.get(i) + "' is not a browser origin such as "
                        + "https://shop.example.cn (scheme, host and port only; no '*', path or query)");
            } else if (!origins.contains(o)) {
                origins.add(o);
            }
        }
        problems.require(String.join(" ", origins).length() <= MAX_ORIGINS_LENGTH, "/allowedOrigins",
                "allowed origins are at most " + MAX_ORIGINS_LENGTH + " characters together");
        return origins;
    }

    private static Set<String> origins(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (String s : stored.trim().split("\\s+")) {
            String o = SiteKeys.normaliseOrigin(s);
            if (o != null) {
                parsed.add(o);
            }
        }
        return Set.copyOf(parsed);
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
