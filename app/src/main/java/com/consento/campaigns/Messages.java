package com.consento.campaigns;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.identity.LinkTokens;
import com.consento.shared.NotFound;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign and a person into one message: the address for the channel (decrypted only here), the same
 * text for everyone with the person's own one-click unsubscribe link in place of {@code {unsubscribe}}.
 */
@Component
class Messages {
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final Map<String, List<IdentifierType>> ADDRESS = Map.of(
            "sms", List.of(IdentifierType.PHONE), "phone", List.of(IdentifierType.PHONE),
            "email", List.of(IdentifierType.EMAIL),
            "wechat", List.of(IdentifierType.WECHAT_OPENID, IdentifierType.WECHAT_UNIONID),
            "push", List.of(IdentifierType.DEVICE), "in_app", List.of(IdentifierType.MEMBER, IdentifierType.DEVICE),
            "mail", List.of(IdentifierType.MEMBER));
    private final ChannelConnector connector;
    private final IdentityService identity;
    private final LinkTokens links;
    private final String publicUrl;

    Messages(ChannelConnector connector, IdentityService identity, LinkTokens links,
             @Value("${consento.public-url:http://localhost:8080}") String publicUrl) {
        this.connector = connector;
        this.identity = identity;
        this.links = links;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Sends; returns null when delivered, else why not ({@code NO_ADDRESS}, {@code DELIVERY_FAILED}). */
    String deliver(Campaign c, int launchNo, String subjectId) {
        Identifier to;
        try {
            to = address(c.channel(), identity.identifiers(subjectId));
        } catch (NotFound e) {
            return "NO_ADDRESS";
        }
        if (to == null) {
            return "NO_ADDRESS";
        }
        String text = c.templateText();
        if (text.contains(TemplateRules.UNSUBSCRIBE)) {
            String token = links.issue("unsubscribe", subjectId, c.channel(), Duration.ofDays(60));
            text = text.replace(TemplateRules.UNSUBSCRIBE, publicUrl + "/unsubscribe/" + token);
        }
        try {
            connector.send(new OutboundMessage(c.id() + "-" + launchNo + "-" + subjectId, c.id(), subjectId, c.channel(),
                    to.value(), to.masked(), text));
            return null;
        } catch (RuntimeException e) {
            log.warn("campaign {}: delivery to {} failed: {}", c.id(), subjectId, e.getMessage());
            return "DELIVERY_FAILED";
        }
    }

    static Identifier address(String channel, List<Identifier> identifiers) {
        for (IdentifierType type : ADDRESS.getOrDefault(channel, List.of())) {
            for (Identifier i : identifiers) {
                if (i.type() == type) {
                    return i;
                }
            }
        }
        return null;
    }
}
