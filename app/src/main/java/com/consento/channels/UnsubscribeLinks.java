package com.consento.channels;

import com.consento.identity.IdentityService;
import com.consento.identity.LinkTokens;
import com.consento.shared.Channel;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * RFC-8058: signed, expiring one-click unsubscribe links ({@link LinkTokens}, use "unsubscribe"), and what a
 * valid token opens: the subject (following merges) and the channel.
 */
@Service
class UnsubscribeLinks {
    static final String USE = "unsubscribe";
    static final Duration VALIDITY = Duration.ofDays(90);
    private final LinkTokens tokens;
    private final IdentityService identity;
    private final String publicUrl;

    UnsubscribeLinks(LinkTokens tokens, IdentityService identity, @Value("${consento.public-url:}") String publicUrl) {
        this.tokens = tokens;
        this.identity = identity;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    record Link(String token, Channel channel, Instant expiresAt) {
    }

    record Target(String subjectId, Channel channel) {
    }

    Link issue(String subjectId, String channelCode) {
        String id = identity.requireActive(subjectId);
        Channel channel = Channel.ofCode(channelCode);
        if (channel == null) {
            throw new InvalidRequest("unknown channel '" + channelCode + "': sms, email, push, wechat, phone, mail or "
                    + "in_app", "/query/channel");
        }
        String token = tokens.issue(USE, id, channel.code(), VALIDITY);
        Instant expires = Instant.ofEpochMilli(tokens.verify(token, USE).orElseThrow().expiresAt());
        return new Link(token, channel, expires);
    }

    /** The subject and channel of a genuine, unexpired token whose subject still exists; empty otherwise. */
    Optional<Target> open(String token) {
        return tokens.verify(token, USE).flatMap(g -> {
            Channel channel = Channel.ofCode(g.channel());
            if (channel == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(identity.requireActive(g.subjectId()), channel));
            } catch (NotFound e) {
                return Optional.empty();
            }
        });
    }

    /** The configured public base URL ({@code consento.public-url}), or null to use the request's own. */
    String publicUrl() {
        return publicUrl.isEmpty() ? null : publicUrl;
    }
}
