package com.consento.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring links for a person without a password (preference centre, one-click unsubscribe): the
 * token carries its purpose, the subject, an optional channel and the expiry, sealed with a keyed hash. A
 * tampered or expired token opens nothing.
 */
public final class LinkTokens {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final KeyVault vault;
    private final Clock clock;

    public LinkTokens(KeyVault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** What a valid token grants: {@code use} is e.g. "preferences" or "unsubscribe". */
    public record Grant(String use, String subjectId, String channel, long expiresAt) {
    }

    public String issue(String use, String subjectId, String channel, Duration validFor) {
        long expires = clock.millis() + validFor.toMillis();
        String payload = String.join("|", use, subjectId, channel == null ? "" : channel, Long.toString(expires));
        String body = ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + signature(body);
    }

    /** The grant of a genuine, unexpired token for that use; empty otherwise (never says which). */
    public Optional<Grant> verify(String token, String use) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        if (!MessageDigest.isEqual(signature(body).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(DEC.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
            Grant grant = new Grant(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], Long.parseLong(parts[3]));
            return grant.use().equals(use) && grant.expiresAt() > clock.millis() ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private String signature(String body) {
        return vault.lookupHash("link-token", body).substring(0, 43);
    }
}
